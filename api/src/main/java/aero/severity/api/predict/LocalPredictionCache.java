package aero.severity.api.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/** The embedded default's cache: in this process, bounded, with the same TTL as Redis. */
final class LocalPredictionCache implements PredictionCache {

    private final Cache<String, CachedPrediction> entries;
    private final CacheMetrics metrics;

    LocalPredictionCache(CacheProperties properties, CacheMetrics metrics) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(properties.localMaxEntries())
                .expireAfterWrite(properties.ttl())
                .build();
        this.metrics = metrics;
    }

    @Override
    public @Nullable CachedPrediction get(String key) {
        CachedPrediction found = entries.getIfPresent(key);
        (found == null ? metrics.miss : metrics.hit).increment();
        return found;
    }

    @Override
    public List<@Nullable CachedPrediction> getAll(List<String> keys) {
        List<@Nullable CachedPrediction> found = new ArrayList<>(keys.size());
        for (String key : keys) {
            found.add(get(key));
        }
        return found;
    }

    @Override
    public void put(String key, CachedPrediction prediction) {
        entries.put(key, prediction);
    }

    @Override
    public void putAll(Map<String, CachedPrediction> values) {
        entries.putAll(values);
    }
}
