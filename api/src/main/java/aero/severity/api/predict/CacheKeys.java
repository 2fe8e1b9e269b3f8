package aero.severity.api.predict;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import aero.severity.api.model.LiveModel;

/**
 * Prediction-cache keys: the model version plus a SHA-256 of the encoder's output. Keying on the
 * encoded features, not the raw request, makes requests that differ only in ways the model cannot see
 * (field order, an unseen make that encodes as OTHER, trailing spaces) share one entry; keying on the
 * version makes a new model never answer from the old one's entries.
 */
final class CacheKeys {

    static final String PREFIX = "severity:prediction:";

    private CacheKeys() {}

    /** The key of an answer explained as {@code explain} says (an unexplained one for {@link ExplainOption#NONE}). */
    static String of(LiveModel live, double[] encoded, ExplainOption explain) {
        return of(live, encoded) + explain.cacheSuffix();
    }

    static String of(LiveModel live, double[] encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length * Double.BYTES);
        for (double value : encoded) {
            // -0.0 and 0.0 are the same input to the model; so are all NaNs (doubleToLongBits)
            bytes.putLong(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
        }
        return PREFIX + live.cacheNamespace() + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes.array()));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
