package aero.severity.bench;

import java.util.concurrent.TimeUnit;

import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole training of 90,000 generated events with the default settings: encoder fit, XGBoost
 * and logistic regression, cross-fitted calibration and decision weights, baselines, charts, bundle.
 * Reading the rows from the database is not included (see the CLI's progress lines for that).
 * Run with {@code OMP_WAIT_POLICY=PASSIVE} on a shared machine (XGBoost's OpenMP threads spin).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class TrainingBenchmark {

    private TrainingSet events;

    @Setup(Level.Trial)
    public void generate() {
        events = new TrainingSet(SyntheticEvents.generate(90_000, 1982, 2019, 3), 0);
    }

    @Benchmark
    public ModelTrainer.Outcome train90kEvents() {
        return new ModelTrainer().train(events, TrainingOptions.defaults(TimeSplit.trainUntil(2017)), line -> {});
    }
}
