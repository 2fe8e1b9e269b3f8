package aero.severity.api.predict;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Never throws: a cache that cannot answer is a miss, counted as an error. */
interface PredictionCache {

    @Nullable CachedPrediction get(String key);

    /** One answer per key, in order; null where there is none. */
    List<@Nullable CachedPrediction> getAll(List<String> keys);

    void put(String key, CachedPrediction prediction);

    void putAll(Map<String, CachedPrediction> entries);
}
