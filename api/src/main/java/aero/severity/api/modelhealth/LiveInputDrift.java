package aero.severity.api.modelhealth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import aero.severity.api.BackgroundRefresh;
import aero.severity.api.model.ChampionModel;
import aero.severity.api.model.LiveModel;
import aero.severity.domain.FlightFacts;
import aero.severity.features.FeatureDistribution;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code severity_feature_psi{feature}}: how far the inputs of live requests have moved from the
 * served model's training rows, as the population stability index per request field (common's
 * {@link FeatureDistribution}, saved with the model).
 *
 * <p>The request path only samples: at most {@code samples-per-second} flights a second (50; every
 * flight while traffic is lower) go into a bounded queue (a full queue drops and counts
 * {@code severity_feature_drift_dropped_total}); the others cost a clock read and a comparison. A
 * rate rather than a share, so that the work and the memory it holds stay the same at any load (one
 * flight in ten was 900 a second under wrk, more than the queue and the drain were sized for;
 * bench/RESULTS.md has the measurements). A background
 * round every second bins the queued flights into the counts of the current window and recomputes
 * the gauges, so neither a request nor a scrape does the binning. The PSI covers the current and the previous
 * window ({@code window}, 1 h); it is NaN until {@code min-samples} flights are in them, while the
 * served model has no saved distribution, and for the fields that model does not read. A new model
 * starts from empty counts.
 */
@Component
public class LiveInputDrift extends BackgroundRefresh {

    private record Sample(LiveModel live, FlightFacts facts) {}

    /** The counts of one served version. */
    private static final class Windows {
        final String version;
        final FeatureDistribution distribution;
        FeatureDistribution.Counts previous;
        FeatureDistribution.Counts current;
        long currentStartedNanos;

        Windows(LiveModel live, FeatureDistribution distribution, long now) {
            this.version = live.cacheNamespace();
            this.distribution = distribution;
            this.previous = distribution.newCounts();
            this.current = distribution.newCounts();
            this.currentStartedNanos = now;
        }
    }

    static final int QUEUE_CAPACITY = 1_024;

    private final BlockingQueue<Sample> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ChampionModel champion;
    private final MeterRegistry meters;
    private final Counter dropped;
    /** Nanoseconds between two samples; negative when sampling is off. */
    private final long sampleIntervalNanos;

    private final AtomicLong nextSampleNanos = new AtomicLong(System.nanoTime());
    private final Duration window;
    private final long minSamples;
    private final Map<String, Double> psi = new ConcurrentHashMap<>();
    private @Nullable Windows windows;

    LiveInputDrift(
            ChampionModel champion,
            MeterRegistry meters,
            @Value("${severity.model-health.input-drift.samples-per-second:50}") double samplesPerSecond,
            @Value("${severity.model-health.input-drift.window:1h}") Duration window,
            @Value("${severity.model-health.input-drift.min-samples:200}") long minSamples,
            @Value("${severity.model-health.input-drift.refresh-interval:1s}") Duration refreshInterval) {
        super("input-drift", refreshInterval, false);
        if (samplesPerSecond < 0) {
            throw new IllegalArgumentException(
                    "severity.model-health.input-drift.samples-per-second must be 0 (off) or more, was "
                            + samplesPerSecond);
        }
        this.champion = champion;
        this.meters = meters;
        this.sampleIntervalNanos = samplesPerSecond == 0 ? -1 : (long) (1e9 / samplesPerSecond);
        this.window = window;
        this.minSamples = minSamples;
        this.dropped = Counter.builder("severity.feature.drift.dropped")
                .description("Sampled request inputs the drift histogram dropped because its queue was full")
                .register(meters);
    }

    /** The request path: keeps a flight when the last one kept is at least an interval old; never blocks. */
    public void sample(LiveModel live, FlightFacts facts) {
        if (sampleIntervalNanos < 0) {
            return;
        }
        long now = System.nanoTime();
        long next = nextSampleNanos.get();
        if (now - next < 0 || !nextSampleNanos.compareAndSet(next, now + sampleIntervalNanos)) {
            return;
        }
        if (!queue.offer(new Sample(live, facts))) {
            dropped.increment();
        }
    }

    @Override
    protected void round() {
        long now = System.nanoTime();
        LiveModel served = champion.current();
        if (served != null) {
            windowsFor(served, now); // the gauges of a new model exist from its first round, NaN until enough samples
        } else {
            windows = null;
        }
        Windows counts = windows;
        Sample sample;
        while ((sample = queue.poll()) != null) {
            // a request that took the previous version's snapshot says nothing about this one
            if (counts != null && counts.version.equals(sample.live().cacheNamespace())) {
                counts.current.add(sample.facts());
            }
        }
        if (counts == null) {
            psi.replaceAll((field, value) -> Double.NaN);
            return;
        }
        if (now - counts.currentStartedNanos >= window.toNanos()) {
            counts.previous = counts.current;
            counts.current = counts.distribution.newCounts();
            counts.currentStartedNanos = now;
        }
        FeatureDistribution.Counts both = counts.distribution.newCounts();
        both.addAll(counts.previous);
        both.addAll(counts.current);
        Map<String, Double> latest = both.flights() < minSamples ? new HashMap<>() : both.psi();
        counts.distribution.fields().keySet().forEach(this::gauge);
        psi.replaceAll((field, value) -> latest.getOrDefault(field, Double.NaN));
    }

    /** The counts of the served version; new (empty) ones when the version changed; null without a distribution. */
    private @Nullable Windows windowsFor(LiveModel live, long now) {
        Windows current = windows;
        if (current != null && current.version.equals(live.cacheNamespace())) {
            return current;
        }
        FeatureDistribution distribution = live.model().trainingDistribution().orElse(null);
        windows = distribution == null ? null : new Windows(live, distribution, now);
        return windows;
    }

    private void gauge(String field) {
        psi.computeIfAbsent(field, f -> {
            Gauge.builder("severity.feature.psi", psi, values -> values.getOrDefault(f, Double.NaN))
                    .description(
                            "Population stability index of a request field: live requests against the served model's training rows")
                    .tag("feature", f)
                    .register(meters);
            return Double.NaN;
        });
    }

    /** The PSI of each field now, as the gauges show it (for tests). */
    Map<String, Double> current() {
        return Map.copyOf(psi);
    }
}
