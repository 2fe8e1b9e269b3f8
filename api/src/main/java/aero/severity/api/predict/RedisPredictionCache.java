package aero.severity.api.predict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import aero.severity.api.redis.RedisLink;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;

/**
 * The cache in Redis, shared by replicas. Reads wait at most the Redis command timeout; writes are
 * fire-and-forget (the answer is already computed, the client should not wait for the cache). Any
 * Redis trouble makes a lookup an {@code error} (computed, never failed) and trips the circuit in
 * {@link RedisLink} so the following requests do not wait on Redis either.
 */
final class RedisPredictionCache implements PredictionCache {

    private final RedisLink link;
    private final CacheMetrics metrics;
    private final SetArgs expiry;

    RedisPredictionCache(RedisLink link, CacheProperties properties, CacheMetrics metrics) {
        this.link = link;
        this.metrics = metrics;
        this.expiry = SetArgs.Builder.px(properties.ttl().toMillis());
    }

    @Override
    public @Nullable CachedPrediction get(String key) {
        StatefulRedisConnection<byte[], byte[]> connection = link.connection();
        if (connection == null) {
            metrics.error.increment();
            return null;
        }
        byte[] value;
        try {
            value = connection.sync().get(bytes(key));
        } catch (RuntimeException e) {
            link.failed(e);
            metrics.error.increment();
            return null;
        }
        link.succeeded();
        CachedPrediction found = CachedPrediction.fromBytes(value);
        (found == null ? metrics.miss : metrics.hit).increment();
        return found;
    }

    @Override
    public List<@Nullable CachedPrediction> getAll(List<String> keys) {
        StatefulRedisConnection<byte[], byte[]> connection = link.connection();
        if (connection != null) {
            try {
                byte[][] keyBytes =
                        keys.stream().map(RedisPredictionCache::bytes).toArray(byte[][]::new);
                List<KeyValue<byte[], byte[]>> values = connection.sync().mget(keyBytes);
                link.succeeded();
                List<@Nullable CachedPrediction> found = new ArrayList<>(keys.size());
                for (KeyValue<byte[], byte[]> value : values) {
                    CachedPrediction entry = value.hasValue() ? CachedPrediction.fromBytes(value.getValue()) : null;
                    (entry == null ? metrics.miss : metrics.hit).increment();
                    found.add(entry);
                }
                return found;
            } catch (RuntimeException e) {
                link.failed(e);
            }
        }
        metrics.error.increment(keys.size());
        return new ArrayList<>(Collections.nCopies(keys.size(), null));
    }

    @Override
    public void put(String key, CachedPrediction prediction) {
        StatefulRedisConnection<byte[], byte[]> connection = link.connection();
        if (connection == null) {
            return;
        }
        try {
            connection.async().set(bytes(key), prediction.toBytes(), expiry).whenComplete((ok, failure) -> {
                if (failure != null) {
                    link.failed(failure);
                }
            });
        } catch (RuntimeException e) {
            link.failed(e);
        }
    }

    @Override
    public void putAll(Map<String, CachedPrediction> entries) {
        entries.forEach(this::put);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
