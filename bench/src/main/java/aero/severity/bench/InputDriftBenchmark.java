package aero.severity.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import aero.severity.domain.FlightFacts;
import aero.severity.features.FeatureDistribution;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the api's live input drift ({@code LiveInputDrift}) costs. On the request path, the sampler's
 * gate as the api runs it (at most 50 flights a second: a clock read, an atomic read and, 50 times a
 * second, a compare-and-set and a queue offer), on two threads as two cores of request threads call
 * it, against the same method with sampling off. Off the request path, one background round at that
 * rate: bin the second's 50 flights, add the previous window's counts, and compute every field's PSI.
 * {@code LiveInputDrift} is package-private inside the api's application jar, which this module cannot
 * depend on, so the same calls are made here on common's {@link FeatureDistribution}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InputDriftBenchmark {

    private static final long INTERVAL_NANOS = 1_000_000_000L / 50;

    private final BlockingQueue<FlightFacts> queue = new ArrayBlockingQueue<>(1_024);
    private final AtomicLong nextSampleNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong dropped = new AtomicLong();
    private volatile long intervalNanos = INTERVAL_NANOS;
    private volatile long offIntervalNanos = -1;
    private List<FlightFacts> flights;
    private FeatureDistribution distribution;
    private FeatureDistribution.Counts previousWindow;

    @Setup
    public void setUp() {
        flights = SyntheticEvents.generate(5_000, 2000, 2017, 1).stream()
                .map(LabelledEvent::facts)
                .toList();
        distribution = FeatureDistribution.of(FeatureEncoder.fit(flights, 40, 10), flights);
        previousWindow = distribution.newCounts();
        flights.subList(0, 3_600).forEach(previousWindow::add); // an hour's window at 1 a second
    }

    /** The queue is drained once a second in the api; here between iterations, so that offers keep succeeding. */
    @Setup(Level.Iteration)
    public void drain() {
        queue.clear();
    }

    @Benchmark
    @Threads(2)
    public boolean sampleAtFiftyASecond() {
        return sample(intervalNanos, flights.get(7));
    }

    @Benchmark
    @Threads(2)
    public boolean sampleOff() {
        return sample(offIntervalNanos, flights.get(7));
    }

    /** One background round at the shipped rate: a second of samples binned, both windows added, every PSI. */
    @Benchmark
    public Map<String, Double> roundOfFiftySamples() {
        FeatureDistribution.Counts current = distribution.newCounts();
        for (int i = 0; i < 50; i++) {
            current.add(flights.get(i));
        }
        FeatureDistribution.Counts both = distribution.newCounts();
        both.addAll(previousWindow);
        both.addAll(current);
        return both.psi();
    }

    /** {@code LiveInputDrift.sample}, line for line. */
    private boolean sample(long interval, FlightFacts facts) {
        if (interval < 0) {
            return false;
        }
        long now = System.nanoTime();
        long next = nextSampleNanos.get();
        if (now - next < 0 || !nextSampleNanos.compareAndSet(next, now + interval)) {
            return false;
        }
        if (!queue.offer(facts)) {
            dropped.incrementAndGet();
        }
        return true;
    }
}
