package aero.severity.api.accesslog;

import java.time.Duration;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code severity.access-log.*}: the access log.
 *
 * @param enabled       an INFO line per request on the logger {@code aero.severity.api.access}
 *                      (its level can also silence it); slow requests are warned about either way
 * @param slowThreshold a request that takes at least this long is logged at WARN
 */
@ConfigurationProperties("severity.access-log")
@Validated
public record AccessLogProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") @NotNull Duration slowThreshold) {}
