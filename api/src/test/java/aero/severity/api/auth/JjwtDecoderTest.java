package aero.severity.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import javax.crypto.SecretKey;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder remembers tokens it verified; the time limits must hold for remembered ones just the same. */
class JjwtDecoderTest {

    private static final String SECRET = "q3Jx0mQ8c2V2ZXJpdHktdGVzdC1rZXktOTk0Mi1hYmNkZWZnaGlqaw==";
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private final JwtProperties properties = new JwtProperties(
            SECRET, false, "severity-auth", "severity-api", Duration.ofMinutes(15), Duration.ofSeconds(30));
    private final SecretKey key = JwtSigningKey.from(properties);
    private final SettableClock clock = new SettableClock(T0);
    private final JjwtDecoder decoder = new JjwtDecoder(key, properties, clock);

    @Test
    void rememberedTokenIsRefusedOnceExpiredBeyondTheSkew() {
        String token = token(T0, T0.plus(Duration.ofMinutes(15)), null);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("acme");

        clock.now = T0.plus(Duration.ofMinutes(15)).plusSeconds(30);
        assertThat(decoder.decode(token).getSubject())
                .as("at exp + skew still valid, as jjwt says")
                .isEqualTo("acme");

        clock.now = T0.plus(Duration.ofMinutes(15)).plusSeconds(31);
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("token expired");
    }

    @Test
    void tokenNotValidYetIsNeverRememberedAndIsAcceptedOnceItsTimeComes() {
        String token = token(T0, T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("token not valid yet (nbf)");

        clock.now = T0.plus(Duration.ofMinutes(5)).minusSeconds(30);
        Jwt accepted = decoder.decode(token);
        assertThat(accepted.getNotBefore()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(decoder.decode(token)).as("remembered").isSameAs(accepted);
    }

    @Test
    void refusedTokenStaysRefusedAndAcceptedOnesKeepTheirClaims() {
        String good = token(T0, T0.plus(Duration.ofMinutes(15)), null);
        String tampered = good.substring(0, good.length() - 2) + (good.endsWith("A") ? "BB" : "AA");
        Jwt first = decoder.decode(good);
        assertThat(first.getClaimAsString(Caller.TIER_CLAIM)).isEqualTo("ENTERPRISE");
        assertThat(first.getAudience()).containsExactly("severity-api");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
        }
        assertThat(decoder.decode(good)).isSameAs(first);
    }

    private String token(Instant issuedAt, Instant expiresAt, Instant notBefore) {
        var builder = Jwts.builder()
                .subject("acme")
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .claim(Caller.ROLE_CLAIM, "ANALYST")
                .claim(Caller.TIER_CLAIM, "ENTERPRISE");
        if (notBefore != null) {
            builder.notBefore(Date.from(notBefore));
        }
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }

    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
