package aero.severity.api.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import jakarta.validation.constraints.NotNull;

import aero.severity.api.auth.Tier;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code severity.rate-limit.*}): how many requests (a batch counts one per flight) each
 * tier may make per period. The bucket refills continuously, so a client that used its whole hour
 * gets one request back every {@code period / limit}.
 *
 * @param period the window the limits are stated for
 * @param tiers  requests per period for each tier; every tier must be present
 */
@ConfigurationProperties("severity.rate-limit")
@Validated
public record RateLimitProperties(
        @DefaultValue("1h") @NotNull @DurationMin(nanos = 1) Duration period,
        @NotNull Map<Tier, Long> tiers) {

    public RateLimitProperties {
        Map<Tier, Long> checked = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Long limit = tiers == null ? null : tiers.get(tier);
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("severity.rate-limit.tiers." + tier + " must be a positive number of"
                        + " requests per " + period + ", was " + limit);
            }
            checked.put(tier, limit);
        }
        tiers = Map.copyOf(checked);
    }

    public long limit(Tier tier) {
        return tiers.get(tier);
    }
}
