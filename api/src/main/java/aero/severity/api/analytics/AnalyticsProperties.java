package aero.severity.api.analytics;

import java.time.Duration;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code severity.analytics.*}: the analytics endpoints.
 *
 * @param cacheTtl how long an aggregate is reused before it is computed again
 */
@ConfigurationProperties("severity.analytics")
@Validated
public record AnalyticsProperties(
        @DefaultValue("5m") @NotNull Duration cacheTtl) {}
