package aero.severity.api.predict;

import java.time.Duration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The prediction cache ({@code severity.cache.*}).
 *
 * @param enabled          off: every prediction is computed ({@code SEVERITY_FEATURE_PREDICTION_CACHE})
 * @param ttl              how long an answer is kept
 * @param localMaxEntries  size bound of the in-process cache (embedded default)
 * @param nearMaxEntries   with Redis: answers Redis gave also kept in this process, up to this many
 *                         (0: none), so a flight asked again costs no Redis round trip
 * @param nearTtl          how long this process keeps such an answer (at most {@code ttl}); short, so
 *                         entries dropped from Redis by an operator leave every replica soon after
 */
@ConfigurationProperties("severity.cache")
@Validated
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") @NotNull @DurationMin(nanos = 1) Duration ttl,
        @DefaultValue("100000") @Positive long localMaxEntries,
        @DefaultValue("10000") @PositiveOrZero long nearMaxEntries,
        @DefaultValue("1m") @NotNull @DurationMin(nanos = 1) Duration nearTtl) {

    public CacheProperties {
        if (nearTtl != null && ttl != null && nearTtl.compareTo(ttl) > 0) {
            throw new IllegalArgumentException(
                    "severity.cache.near-ttl must be at most severity.cache.ttl (" + ttl + "), was " + nearTtl);
        }
    }
}
