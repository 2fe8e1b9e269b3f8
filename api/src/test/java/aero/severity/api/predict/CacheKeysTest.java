package aero.severity.api.predict;

import java.time.Instant;

import aero.severity.api.model.LiveModel;
import aero.severity.api.model.ModelRef;
import aero.severity.api.support.RealModels;
import aero.severity.domain.Severity;
import aero.severity.ml.serving.ModelId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CacheKeysTest {

    static final LiveModel V1 = live("7");
    static final LiveModel V2 = live("8");

    @Test
    void sameFeaturesSameVersionSameKey() {
        assertThat(CacheKeys.of(V1, new double[] {1, 0.5, 0})).isEqualTo(CacheKeys.of(V1, new double[] {1, 0.5, 0}));
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(CacheKeys.of(V1, new double[] {-0.0, 1})).isEqualTo(CacheKeys.of(V1, new double[] {0.0, 1}));
    }

    @Test
    void anyFeatureOrTheVersionChangesTheKey() {
        String key = CacheKeys.of(V1, new double[] {1, 0.5, 0});

        assertThat(CacheKeys.of(V1, new double[] {1, 0.5, 1e-12})).isNotEqualTo(key);
        assertThat(CacheKeys.of(V2, new double[] {1, 0.5, 0})).isNotEqualTo(key);
        assertThat(key).startsWith("severity:prediction:accident-severity:7:run-7:");
    }

    @Test
    void cachedPredictionsRoundTripThroughBytesAndGarbageIsAMiss() {
        CachedPrediction prediction = new CachedPrediction(Severity.SERS, new double[] {0.1, 0.6, 0.2, 0.1});

        CachedPrediction back = CachedPrediction.fromBytes(prediction.toBytes());

        assertThat(back.severity()).isEqualTo(Severity.SERS);
        assertThat(back.probabilities()).containsExactly(0.1, 0.6, 0.2, 0.1);
        assertThat(CachedPrediction.fromBytes(new byte[] {1, 2, 3})).isNull();
        assertThat(CachedPrediction.fromBytes(null)).isNull();
        byte[] badClass = prediction.toBytes();
        badClass[0] = 9;
        assertThat(CachedPrediction.fromBytes(badClass)).isNull();
    }

    private static LiveModel live(String version) {
        ModelId id = new ModelId("accident-severity", version, "run-" + version);
        return new LiveModel(
                RealModels.champion().outcome().bundle().toModel(id),
                id,
                new ModelRef(id.name(), version, id.runId()),
                Instant.EPOCH,
                id.name() + ":" + version + ":" + id.runId());
    }
}
