package aero.severity.api.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * The hot answers of the shared cache, also kept in this process: an answer Redis gave is kept near,
 * so a flight asked again costs no Redis round trip. Redis stays the source: new answers are written
 * there only, and only what Redis answered is kept here (nothing is learnt while Redis is away, a miss
 * is asked of Redis again). Safe without invalidation because a key names the model version and run
 * it was computed by ({@link CacheKeys}), so an entry can never be stale, only gone from Redis; the
 * short {@code near-ttl} bounds how long a replica keeps answering one an operator dropped there.
 */
final class NearPredictionCache implements PredictionCache {

    private final Cache<String, CachedPrediction> near;
    private final PredictionCache shared;
    private final CacheMetrics metrics;

    NearPredictionCache(PredictionCache shared, CacheProperties properties, CacheMetrics metrics) {
        this.near = Caffeine.newBuilder()
                .maximumSize(properties.nearMaxEntries())
                .expireAfterWrite(properties.nearTtl())
                .build();
        this.shared = shared;
        this.metrics = metrics;
    }

    @Override
    public @Nullable CachedPrediction get(String key) {
        CachedPrediction found = near.getIfPresent(key);
        if (found != null) {
            hit();
            return found;
        }
        found = shared.get(key);
        if (found != null) {
            near.put(key, found);
        }
        return found;
    }

    @Override
    public List<@Nullable CachedPrediction> getAll(List<String> keys) {
        List<@Nullable CachedPrediction> found = new ArrayList<>(keys.size());
        List<String> asked = new ArrayList<>();
        for (String key : keys) {
            CachedPrediction entry = near.getIfPresent(key);
            if (entry != null) {
                hit();
            } else {
                asked.add(key);
            }
            found.add(entry);
        }
        if (asked.isEmpty()) {
            return found;
        }
        List<@Nullable CachedPrediction> answers = shared.getAll(asked);
        Map<String, CachedPrediction> learnt = new HashMap<>();
        for (int i = 0, next = 0; i < found.size(); i++) {
            if (found.get(i) == null) {
                CachedPrediction answer = answers.get(next++);
                found.set(i, answer);
                if (answer != null) {
                    learnt.put(keys.get(i), answer);
                }
            }
        }
        near.putAll(learnt);
        return found;
    }

    @Override
    public void put(String key, CachedPrediction prediction) {
        shared.put(key, prediction);
    }

    @Override
    public void putAll(Map<String, CachedPrediction> entries) {
        shared.putAll(entries);
    }

    private void hit() {
        metrics.hit.increment();
        metrics.nearHit.increment();
    }
}
