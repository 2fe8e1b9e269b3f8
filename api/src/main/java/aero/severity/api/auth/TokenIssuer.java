package aero.severity.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;

import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Component;

/** Signs access tokens: HS256, issuer, audience, subject = client id, role and tier, 15 minutes. */
@Component
class TokenIssuer {

    private final SecretKey key;
    private final JwtProperties properties;
    private final Clock clock;

    TokenIssuer(SecretKey jwtSigningKey, JwtProperties properties, Clock clock) {
        this.key = jwtSigningKey;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(Caller caller) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.ttl());
        String token = Jwts.builder()
                .header()
                .type("JWT")
                .and()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience()
                .add(properties.audience())
                .and()
                .subject(caller.clientId())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(expiresAt))
                .claim(Caller.ROLE_CLAIM, caller.role().name())
                .claim(Caller.TIER_CLAIM, caller.tier().name())
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }
}
