package aero.severity.api.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import aero.severity.api.auth.Caller;
import aero.severity.api.redis.RedisLink;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;

/**
 * Buckets in Redis through Bucket4j's Lettuce proxy manager, so every replica draws from the same
 * bucket. When Redis is away (refused, timed out, or within the retry interval after a failure) the
 * request is decided by in-process buckets instead and counted in
 * {@code severity_ratelimit_fallback_total}: limits keep holding approximately, requests never fail.
 */
final class RedisRateLimiter implements RateLimiter {

    private final RateLimitProperties properties;
    private final RedisLink link;
    private final LocalRateLimiter fallback;
    private final Counter fallbacks;
    private final LettuceBasedProxyManager<byte[]> proxyManager;
    /** Proxies are cheap but stateless across calls only if shared: batching merges concurrent requests per proxy. */
    private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();

    RedisRateLimiter(RateLimitProperties properties, RedisLink link, LocalRateLimiter fallback, Counter fallbacks,
            Duration requestTimeout) {
        this.properties = properties;
        this.link = link;
        this.fallback = fallback;
        this.fallbacks = fallbacks;
        this.proxyManager = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new LinkedRedisApi<>(link::connection))
                .requestTimeout(requestTimeout)
                // a full bucket is the same as no bucket: let Redis forget it shortly after it refilled
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public RateLimitDecision tryConsume(Caller caller, long tokens) {
        long limit = properties.limit(caller.tier());
        if (link.connection() != null) {
            try {
                BucketProxy bucket = proxies.computeIfAbsent(TierBuckets.key(caller, limit, properties),
                        key -> proxyManager.builder().withOptimization(Optimizations.batching())
                                .build(key.getBytes(StandardCharsets.UTF_8), () -> TierBuckets.configuration(properties, limit)));
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
                link.succeeded();
                return RateLimitDecision.of(probe, limit);
            } catch (RuntimeException e) {
                link.failed(e);
            }
        }
        fallbacks.increment();
        return fallback.tryConsume(caller, tokens);
    }

    /**
     * Bucket4j's view of Redis, always through the link's current connection. Generic on purpose:
     * Bucket4j hands over keys as a generic {@code K[]} (an {@code Object[]} at run time), which a
     * {@code RedisApi<byte[]>} implementation would cast to {@code byte[][]} and fail.
     */
    private static final class LinkedRedisApi<K> implements RedisApi<K> {

        private final Supplier<@Nullable StatefulRedisConnection<K, byte[]>> connections;

        LinkedRedisApi(Supplier<@Nullable StatefulRedisConnection<K, byte[]>> connections) {
            this.connections = connections;
        }

        @Override
        public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
            return connection().async().eval(script, type, keys, params);
        }

        @Override
        public RedisFuture<byte[]> get(K key) {
            return connection().async().get(key);
        }

        @Override
        public RedisFuture<?> delete(K key) {
            return connection().async().del(key);
        }

        private StatefulRedisConnection<K, byte[]> connection() {
            StatefulRedisConnection<K, byte[]> connection = connections.get();
            if (connection == null) {
                throw new RedisConnectionException("Redis is unavailable");
            }
            return connection;
        }
    }
}
