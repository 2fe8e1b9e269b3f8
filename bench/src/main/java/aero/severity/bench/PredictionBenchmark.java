package aero.severity.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.model.Algorithm;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.serving.ModelId;
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
 * One uncached prediction (calibrated probabilities + decision) per model, with the default
 * training settings (XGBoost: 200 trees per class, depth 6) on 20,000 generated events:
 * the Java tree walk the api serves with, against Tribuo's own predict (example by feature name +
 * XGBoost native matrix per call), and the logistic regression. {@code encodeAndPredict} is the
 * whole per-request model cost: encode the facts, score, decide. The {@code ...Batch100} variants score
 * 100 rows in one call, as {@code POST /predict/batch} does for its cache misses (time per call, not per row).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class PredictionBenchmark {

    private CalibratedModel xgboost;
    private CalibratedModel xgboostViaTribuo;
    private CalibratedModel logistic;
    private List<FlightFacts> facts;
    private double[][] encoded;
    private double[][] batch;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2017));
        ModelTrainer.Outcome outcome = new ModelTrainer()
                .train(new TrainingSet(SyntheticEvents.generate(20_000, 2000, 2019, 1), 0), options, line -> {});
        ModelId id = new ModelId("accident-severity", "bench", null);
        xgboost = outcome.all().get(Algorithm.XGBOOST).toModel(id);
        xgboostViaTribuo = outcome.all().get(Algorithm.XGBOOST).toReferenceModel(id);
        logistic = outcome.all().get(Algorithm.LOGISTIC_REGRESSION).toModel(id);
        facts = SyntheticEvents.generate(1_024, 2018, 2019, 2).stream()
                .map(LabelledEvent::facts)
                .toList();
        encoded = facts.stream().map(xgboost.encoder()::encode).toArray(double[][]::new);
        batch = Arrays.copyOf(encoded, 100);
    }

    private int nextRow() {
        next = (next + 1) & 1023;
        return next;
    }

    @Benchmark
    public double[] xgboostJavaTrees() {
        return xgboost.probabilities(encoded[nextRow()]);
    }

    @Benchmark
    public double[] xgboostTribuoNative() {
        return xgboostViaTribuo.probabilities(encoded[nextRow()]);
    }

    @Benchmark
    public double[] logisticRegression() {
        return logistic.probabilities(encoded[nextRow()]);
    }

    @Benchmark
    public Severity encodeAndPredictXgboost() {
        CalibratedModel model = xgboost;
        double[] p = model.probabilities(model.encoder().encode(facts.get(nextRow())));
        return model.decide(p);
    }

    @Benchmark
    public double[][] xgboostJavaTreesBatch100() {
        return xgboost.probabilities(batch);
    }

    @Benchmark
    public double[][] xgboostTribuoNativeBatch100() {
        return xgboostViaTribuo.probabilities(batch);
    }

    @Benchmark
    public double[][] logisticRegressionBatch100() {
        return logistic.probabilities(batch);
    }
}
