package aero.severity.api.auth;

import java.time.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How access tokens are signed and checked ({@code severity.security.jwt.*}).
 *
 * @param secret                base64 of the HS256 key, at least 256 bits ({@code SEVERITY_JWT_SECRET});
 *                              generate one with {@code openssl rand -base64 32}
 * @param generateMissingSecret embedded default only: without a secret, make a random one per start
 *                              (tokens then die with the process and are not shared by replicas)
 * @param issuer                the {@code iss} claim written and required
 * @param audience              the {@code aud} claim written and required
 * @param ttl                   token lifetime ({@code exp} - {@code iat})
 * @param clockSkew             tolerance on {@code exp} and {@code nbf} for clocks that disagree a little
 */
@ConfigurationProperties("severity.security.jwt")
@Validated
public record JwtProperties(
        @Nullable String secret,
        @DefaultValue("false") boolean generateMissingSecret,
        @DefaultValue("severity-auth") @NotBlank String issuer,
        @DefaultValue("severity-api") @NotBlank String audience,

        @DefaultValue("15m") @NotNull @DurationMin(nanos = 1)
        Duration ttl,

        @DefaultValue("30s") @NotNull Duration clockSkew) {

    public JwtProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    "severity.security.jwt.clock-skew must be 0-5 minutes, was " + clockSkew);
        }
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=" + (secret == null ? "<none>" : "<hidden>") + ", issuer=" + issuer + ", audience="
                + audience + ", ttl=" + ttl + ", clockSkew=" + clockSkew + "]";
    }
}
