package aero.severity.api.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Lettuce client for rate limits and the cache, built from Spring Boot's Redis connection
 * details (so {@code spring.data.redis.url} and {@code @ServiceConnection} both reach it) and
 * sharing Boot's Lettuce event loops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "severity.redis.enabled", havingValue = "true")
class RedisConfiguration {

    /** Lettuce's default backoff grows to 30 s; a cache and a limiter should come back within seconds. */
    @Bean
    ClientResourcesBuilderCustomizer quickReconnect(RedisProperties properties) {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), properties.reconnectDelayMax(), 2, TimeUnit.MILLISECONDS));
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient severityRedisClient(
            DataRedisConnectionDetails details, ClientResources resources, RedisProperties properties) {
        DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(standalone.getHost())
                .withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase())
                // the handshake of a new connection; commands get the short timeout below
                .withTimeout(properties.connectTimeout());
        String password = details.getPassword();
        if (password != null) {
            String username = details.getUsername();
            if (username != null) {
                uri.withAuthentication(username, password);
            } else {
                uri.withPassword(password.toCharArray());
            }
        }
        RedisClient client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // fail fast while disconnected instead of queueing requests behind a dead connection
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(properties.connectTimeout())
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .build());
        return client;
    }

    @Bean
    RedisLink redisLink(RedisClient severityRedisClient, RedisProperties properties) {
        RedisLink link = new RedisLink(severityRedisClient, properties.commandTimeout(), properties.retryInterval());
        link.warmUp();
        return link;
    }
}
