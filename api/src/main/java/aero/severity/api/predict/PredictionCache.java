package aero.severity.api.predict;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Never throws: a cache that cannot answer is a miss, counted as an error. */
interface PredictionCache {

    /** The cache switched off: nothing is looked up (or counted), everything is computed. */
    PredictionCache NONE = new PredictionCache() {
        @Override
        public @Nullable CachedPrediction get(String key) {
            return null;
        }

        @Override
        public List<@Nullable CachedPrediction> getAll(List<String> keys) {
            return new java.util.ArrayList<>(java.util.Collections.nCopies(keys.size(), null));
        }

        @Override
        public void put(String key, CachedPrediction prediction) {}

        @Override
        public void putAll(Map<String, CachedPrediction> entries) {}
    };

    @Nullable
    CachedPrediction get(String key);

    /** One answer per key, in order; null where there is none. */
    List<@Nullable CachedPrediction> getAll(List<String> keys);

    void put(String key, CachedPrediction prediction);

    void putAll(Map<String, CachedPrediction> entries);
}
