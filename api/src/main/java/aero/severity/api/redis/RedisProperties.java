package aero.severity.api.redis;

import java.time.Duration;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redis for rate limits and the prediction cache ({@code severity.redis.*}); where it is comes from
 * {@code spring.data.redis.*} ({@code SEVERITY_REDIS_URL}).
 *
 * @param enabled           off in the embedded default: in-process limiter and cache instead
 * @param commandTimeout    a command slower than this counts as a Redis failure (the request goes on without it)
 * @param connectTimeout    connection attempts (TCP and handshake) give up after this; only one thread ever
 *                          waits on it, the others go on without Redis meanwhile
 * @param retryInterval     after a failure, Redis is left alone this long before it is tried again
 * @param reconnectDelayMax upper bound of the driver's reconnect backoff once a connection dropped
 */
@ConfigurationProperties("severity.redis")
@Validated
public record RedisProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("100ms") @NotNull Duration commandTimeout,
        @DefaultValue("1s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration retryInterval,
        @DefaultValue("2s") @NotNull Duration reconnectDelayMax) {}
