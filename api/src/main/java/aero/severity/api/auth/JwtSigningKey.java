package aero.severity.api.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.IntStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 key from configuration, refused at startup when it is missing (outside the embedded
 * default) or weak: shorter than 256 bits, not base64, or with so few distinct bytes that it is
 * clearly not random ({@code "aaaa..."}, a short word repeated).
 */
final class JwtSigningKey {

    static final int MIN_BYTES = 32;
    /** A random 32-byte key has about 30 distinct byte values; fewer than 16 means it was not drawn at random. */
    static final int MIN_DISTINCT_BYTES = 16;

    private static final String HOW_TO =
            "set severity.security.jwt.secret (env SEVERITY_JWT_SECRET) to the base64 of at"
                    + " least 32 random bytes, e.g. `openssl rand -base64 32`";
    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);

    private JwtSigningKey() {}

    static SecretKey from(JwtProperties properties) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            if (!properties.generateMissingSecret()) {
                throw new IllegalStateException("no JWT signing secret configured: " + HOW_TO);
            }
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            log.warn(
                    "No JWT secret configured: generated a random one for this run (embedded default). Tokens stop working"
                            + " when the process stops and other instances do not accept them; {} to keep them.",
                    HOW_TO);
            return hs256(random);
        }
        return hs256(checked(decode(secret)));
    }

    private static byte[] decode(String secret) {
        String trimmed = secret.strip();
        try {
            return Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(trimmed);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalStateException("the JWT signing secret is not base64: " + HOW_TO);
            }
        }
    }

    static byte[] checked(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(
                    "the JWT signing secret has " + key.length * 8 + " bits; HS256 needs at least 256: " + HOW_TO);
        }
        long distinct = IntStream.range(0, key.length)
                .map(i -> key[i] & 0xff)
                .distinct()
                .count();
        if (distinct < MIN_DISTINCT_BYTES) {
            throw new IllegalStateException("the JWT signing secret is weak (only " + distinct
                    + " distinct byte values, so not random): " + HOW_TO);
        }
        return key;
    }

    private static SecretKey hs256(byte[] key) {
        return new SecretKeySpec(key, "HmacSHA256");
    }

    /** For messages and tests: never prints key material. */
    static String describe(@Nullable SecretKey key) {
        return key == null ? "none" : key.getAlgorithm() + "/" + key.getEncoded().length * 8 + " bits";
    }
}
