package aero.severity.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies bearer tokens with jjwt: signature with our key, algorithm pinned to HS256 (unsigned
 * {@code alg=none} tokens and every other algorithm are refused before any claim is read), issuer,
 * audience, {@code exp} (required) and {@code nbf} with a small clock skew, and our own claims
 * (subject, role, tier), after a length cap. Every failure is a {@link BadJwtException}, which
 * Spring Security answers with 401.
 *
 * <p>Tokens that passed are remembered (by their exact text) until they expire: a client sends the
 * same token for up to 15 minutes, and parsing its JSON and checking the HMAC again on every request
 * was about a tenth of the CPU of an authenticated cache hit in a JFR profile. Only the time checks can change for the same
 * text, so a remembered token gets exactly jjwt's {@code exp} and {@code nbf} tests (with the skew)
 * on every use and is parsed again, and refused as before, once it fails them. Text that failed is
 * never remembered, so only tokens we signed can take room.
 */
final class JjwtDecoder implements JwtDecoder {

    /** Far above the clients' tokens alive at once; past it the map starts over (tokens expire anyway). */
    static final int MAX_REMEMBERED = 10_000;

    private static final Set<String> ROLES =
            Set.copyOf(Arrays.stream(ClientRole.values()).map(Enum::name).toList());
    private static final Set<String> TIERS =
            Set.copyOf(Arrays.stream(Tier.values()).map(Enum::name).toList());

    /**
     * Ours are about 350 characters. Anything far larger is refused before it is base64-decoded,
     * parsed or its HMAC computed, so a client cannot make every request cost a large decode.
     */
    static final int MAX_TOKEN_LENGTH = 4096;

    private final JwtParser parser;
    private final Clock clock;
    private final long clockSkewMillis;
    private final ConcurrentMap<String, Jwt> verified = new ConcurrentHashMap<>();

    JjwtDecoder(SecretKey key, JwtProperties properties, Clock clock) {
        this.clock = clock;
        this.clockSkewMillis = properties.clockSkew().toMillis();
        this.parser = Jwts.parser()
                .sig()
                .clear()
                .add(Jwts.SIG.HS256)
                .and()
                .verifyWith(key)
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new BadJwtException("token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        Jwt remembered = verified.get(token);
        if (remembered != null) {
            if (stillValid(remembered)) {
                return remembered;
            }
            verified.remove(token);
        }
        Jwt jwt = parse(token);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }

    /** jjwt's own time checks: expired when now - skew is after exp, premature when now + skew is before nbf. */
    private boolean stillValid(Jwt jwt) {
        long now = clock.millis();
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || now - clockSkewMillis > expiresAt.toEpochMilli()) {
            return false;
        }
        Instant notBefore = jwt.getNotBefore();
        return notBefore == null || now + clockSkewMillis >= notBefore.toEpochMilli();
    }

    private Jwt parse(String token) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            throw new BadJwtException("token expired", e);
        } catch (PrematureJwtException e) {
            throw new BadJwtException("token not valid yet (nbf)", e);
        } catch (IncorrectClaimException | MissingClaimException e) {
            throw new BadJwtException("token has the wrong " + e.getClaimName() + " claim", e);
        } catch (UnsupportedJwtException e) {
            throw new BadJwtException("token must be a JWS signed with HS256", e);
        } catch (SecurityException e) {
            throw new BadJwtException("token signature or algorithm is not accepted", e);
        } catch (io.jsonwebtoken.JwtException | IllegalArgumentException e) {
            throw new BadJwtException("token is malformed", e);
        }
        Claims claims = jws.getPayload();
        Date expiration = claims.getExpiration();
        if (expiration == null) {
            throw new BadJwtException("token has no exp claim");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new BadJwtException("token has no sub claim");
        }
        requireOneOf(claims, Caller.ROLE_CLAIM, ROLES);
        requireOneOf(claims, Caller.TIER_CLAIM, TIERS);

        Map<String, Object> converted = new HashMap<>(claims);
        Instant issuedAt = instant(claims.getIssuedAt());
        Instant expiresAt = expiration.toInstant();
        converted.put("exp", expiresAt);
        if (issuedAt != null) {
            converted.put("iat", issuedAt);
        }
        Date notBefore = claims.getNotBefore();
        if (notBefore != null) {
            converted.put("nbf", notBefore.toInstant());
        }
        Set<String> audience = claims.getAudience();
        if (audience != null) {
            converted.put("aud", List.copyOf(audience));
        }
        return new Jwt(token, issuedAt, expiresAt, new HashMap<>(jws.getHeader()), converted);
    }

    private static void requireOneOf(Claims claims, String name, Set<String> allowed) {
        Object value = claims.get(name);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new BadJwtException("token has no valid " + name + " claim");
        }
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
