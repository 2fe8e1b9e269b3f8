package aero.severity.api.predict;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The prediction cache ({@code severity.cache.*}).
 *
 * @param enabled          off: every prediction is computed ({@code SEVERITY_FEATURE_PREDICTION_CACHE})
 * @param ttl              how long an answer is kept
 * @param localMaxEntries  size bound of the in-process cache (embedded default)
 */
@ConfigurationProperties("severity.cache")
@Validated
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") @NotNull Duration ttl,
        @DefaultValue("100000") @Positive long localMaxEntries) {

    public CacheProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("severity.cache.ttl must be positive, was " + ttl);
        }
    }
}
