package aero.severity.api.predict;

import java.time.Duration;
import java.util.List;

import aero.severity.domain.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The near cache in front of the shared one. The shared cache here is the in-process one (the real
 * class the embedded default uses); the near cache over the real Redis is in PredictionCacheIT.
 */
class NearPredictionCacheTest {

    private static final CachedPrediction FATAL =
            new CachedPrediction(Severity.FATL, new double[] {0.7, 0.1, 0.1, 0.1});
    private static final CachedPrediction NONE = new CachedPrediction(Severity.NONE, new double[] {0.1, 0.1, 0.1, 0.7});

    private final CacheProperties properties =
            new CacheProperties(true, Duration.ofHours(1), 1_000, 100, Duration.ofMinutes(1));
    private final CacheMetrics metrics = new CacheMetrics(new SimpleMeterRegistry());
    private final LocalPredictionCache shared = new LocalPredictionCache(properties, metrics);
    private final NearPredictionCache cache = new NearPredictionCache(shared, properties, metrics);

    @Test
    void anAnswerTheSharedCacheGaveIsAnsweredNearTheSecondTime() {
        cache.put("k", FATAL);

        assertThat(cache.get("k")).isEqualTo(FATAL);
        assertThat(nearHits()).isZero();
        assertThat(cache.get("k")).isEqualTo(FATAL);

        assertThat(nearHits()).isEqualTo(1);
        assertThat(metrics.hit.count())
                .as("every hit counts as one, near or shared")
                .isEqualTo(2);
    }

    @Test
    void newAnswersAreWrittenToTheSharedCacheOnly() {
        cache.put("k", FATAL);

        assertThat(shared.get("k")).isEqualTo(FATAL);
        assertThat(cache.get("k")).isEqualTo(FATAL);
        assertThat(nearHits()).as("first read comes from the shared cache").isZero();
    }

    @Test
    void aMissIsAskedOfTheSharedCacheEveryTime() {
        assertThat(cache.get("absent")).isNull();
        shared.put("absent", NONE);

        assertThat(cache.get("absent")).isEqualTo(NONE);
        assertThat(nearHits()).isZero();
    }

    @Test
    void aBatchKeepsItsOrderAndAsksTheSharedCacheOnlyForWhatIsNotNear() {
        cache.put("near", FATAL);
        cache.get("near");
        cache.put("shared", NONE);
        double sharedHitsBefore = metrics.hit.count() - nearHits();
        double missesBefore = metrics.miss.count();

        List<CachedPrediction> found = cache.getAll(List.of("near", "shared", "absent", "near"));

        assertThat(found).containsExactly(FATAL, NONE, null, FATAL);
        assertThat(nearHits()).isEqualTo(2);
        assertThat(metrics.hit.count() - nearHits() - sharedHitsBefore)
                .as("asked of the shared cache and found")
                .isEqualTo(1);
        assertThat(metrics.miss.count() - missesBefore).isEqualTo(1);
        assertThat(cache.getAll(List.of("shared"))).containsExactly(NONE);
        assertThat(nearHits())
                .as("what the batch found in the shared cache is near now")
                .isEqualTo(3);
    }

    @Test
    void aNearCacheKeepingAnswersLongerThanTheSharedOneIsRefused() {
        assertThatThrownBy(() -> new CacheProperties(true, Duration.ofMinutes(1), 1_000, 100, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("severity.cache.near-ttl");
    }

    private double nearHits() {
        return metrics.nearHit.count();
    }
}
