package aero.severity.ml.training;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.features.FeatureDistribution;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.evaluation.Charts;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.evaluation.Metrics;
import aero.severity.ml.explain.GlobalImportance;
import aero.severity.ml.model.Algorithm;
import aero.severity.ml.model.BundleMetadata;
import aero.severity.ml.model.ExplainableScorer;
import aero.severity.ml.model.LinearScorer;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.model.PostProcessing;
import aero.severity.ml.model.Scorer;
import aero.severity.ml.model.TreeEnsembleScorer;
import aero.severity.ml.model.TribuoExamples;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains both model families on the training years, calibrates and tunes them on the validation
 * years, and reports them beside the majority-class and class-prior baselines. Returns the bundle
 * of the algorithm the options ask to register (XGBoost by default).
 */
public final class ModelTrainer {

    private static final int K = Severity.values().length;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tribuo and OLCUT log every step at INFO through java.util.logging; held here so the level sticks. */
    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("org.tribuo"), Logger.getLogger("com.oracle.labs.mlrg.olcut"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    /** A trained model ready to register, with everything measured on the way. */
    public record Outcome(
            ModelBundle bundle,
            TrainingReport report,
            List<LabelledEvent> validation,
            Map<Algorithm, ModelBundle> all) {}

    public Outcome train(TrainingSet data, TrainingOptions options, Consumer<String> progress) {
        return train(data, options, progress, java.util.EnumSet.allOf(Algorithm.class), true);
    }

    /**
     * Trains the algorithm the options register and nothing beside it (the baselines are still
     * reported), without the per-field importance (about 10 s of TreeSHAP on 3,500 validation rows):
     * what a backtest or the gate needs when only that recipe's figures are judged.
     */
    public Outcome trainRegisteredOnly(TrainingSet data, TrainingOptions options, Consumer<String> progress) {
        return train(data, options, progress, java.util.EnumSet.of(options.algorithm()), false);
    }

    private Outcome train(
            TrainingSet data,
            TrainingOptions options,
            Consumer<String> progress,
            java.util.Set<Algorithm> algorithms,
            boolean explain) {
        long started = System.nanoTime();
        Map<String, Double> seconds = new LinkedHashMap<>();
        TimeSplit split = options.split();
        TimeSplit.Parts parts = split.split(data.events());
        progress.accept(String.format(
                "split %s: %,d training events, %,d validation events, %,d later left out, "
                        + "%,d without label dropped",
                split, parts.train().size(), parts.validation().size(), parts.after(), data.droppedWithoutLabel()));

        long t = System.nanoTime();
        FeatureEncoder encoder = FeatureEncoder.fit(
                facts(parts.train()), options.makeLevels(), options.minLevelCount(), options.withoutInputs());
        double[][] xTrain = encode(encoder, parts.train());
        double[][] xValidation = encode(encoder, parts.validation());
        int[] yTrain = labels(parts.train());
        int[] yValidation = labels(parts.validation());
        requireEveryClass(yTrain);
        float[] classWeight = classWeights(yTrain, options.classWeightPower());
        MutableDataset<Label> trainingData = dataset(
                encoder.featureNames(),
                xTrain,
                yTrain,
                classWeight,
                recencyWeights(parts.train(), split.trainUntil(), options.recencyHalfLifeYears()));
        seconds.put("encode", elapsed(t));
        progress.accept(String.format(
                "encoded %d features (fitted on the training years only); class weights %s",
                encoder.dimension(), Arrays.toString(classWeight)));

        Map<Algorithm, Model<Label>> models = new LinkedHashMap<>();
        Map<Algorithm, Scorer> scorers = new LinkedHashMap<>();
        XGBoostModel<Label> xgboost = null;
        if (algorithms.contains(Algorithm.XGBOOST)) {
            t = System.nanoTime();
            xgboost = trainXGBoost(trainingData, options);
            seconds.put("train_xgboost", elapsed(t));
            models.put(Algorithm.XGBOOST, xgboost);
            scorers.put(Algorithm.XGBOOST, TreeEnsembleScorer.of(xgboost, encoder.featureNames()));
            progress.accept(String.format(
                    "trained XGBoost (%d trees per class) in %.1f s",
                    options.xgboost().trees(), seconds.get("train_xgboost")));
        }
        if (algorithms.contains(Algorithm.LOGISTIC_REGRESSION)) {
            t = System.nanoTime();
            LinearSGDModel logistic = trainLogistic(trainingData, options);
            seconds.put("train_logistic_regression", elapsed(t));
            models.put(Algorithm.LOGISTIC_REGRESSION, logistic);
            scorers.put(Algorithm.LOGISTIC_REGRESSION, LinearScorer.of(logistic, encoder.featureNames()));
            progress.accept(
                    String.format("trained logistic regression in %.1f s", seconds.get("train_logistic_regression")));
        }

        t = System.nanoTime();
        Map<String, EvaluationReport> validation = new LinkedHashMap<>();
        Map<Algorithm, PostProcessing.Result> post = new LinkedHashMap<>();
        for (Map.Entry<Algorithm, Scorer> entry : scorers.entrySet()) {
            double[][] raw = entry.getValue().rawProbabilities(xValidation);
            PostProcessing.Result result =
                    PostProcessing.crossFit(raw, yValidation, options.calibrationFolds(), options.seed());
            post.put(entry.getKey(), result);
            validation.put(entry.getKey().id(), result.report());
            validation.put(
                    entry.getKey().id() + "_uncalibrated_argmax",
                    Metrics.evaluate(yValidation, raw, Metrics.argmax(raw)));
        }
        validation.putAll(baselines(yTrain, yValidation));
        seconds.put("calibrate_and_evaluate", elapsed(t));
        progress.accept(summary(validation));

        Algorithm registered = options.algorithm();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            weights.put(severity.code(), post.get(registered).rule().weights()[severity.index()]);
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("training", parts.train().size());
        rows.put("validation", parts.validation().size());
        rows.put("left_out_later", parts.after());
        rows.put("left_out_earlier", parts.before());
        rows.put("dropped_without_label", data.droppedWithoutLabel());
        for (Severity severity : Severity.values()) {
            rows.put("training_" + severity.code(), (int)
                    Arrays.stream(yTrain).filter(y -> y == severity.index()).count());
            rows.put("validation_" + severity.code(), (int) Arrays.stream(yValidation)
                    .filter(y -> y == severity.index())
                    .count());
        }
        Map<Algorithm, GlobalImportance> importance = new LinkedHashMap<>();
        if (explain) {
            t = System.nanoTime();
            for (Map.Entry<Algorithm, Scorer> entry : scorers.entrySet()) {
                ExplainableScorer scorer = (ExplainableScorer) entry.getValue();
                importance.put(
                        entry.getKey(), GlobalImportance.of(encoder.requestFields(), scorer::attribute, xValidation));
            }
            seconds.put("explain_validation", elapsed(t));
            progress.accept(String.format(
                    "mean |contribution| per field on the validation rows (%s), top 5: %s",
                    registered.id(),
                    importance.get(registered).top(5).stream()
                            .map(e -> String.format("%s %.3f", e.getKey(), e.getValue()))
                            .toList()));
        }
        seconds.put("total", elapsed(started));
        TrainingReport report = new TrainingReport(
                registered.id(),
                split.toString(),
                rows,
                validation,
                seconds,
                xgboost == null ? List.of() : featureImportance(xgboost),
                weights,
                post.get(registered).calibration().scale(),
                meanAbsoluteContribution(importance.get(registered)));

        String fingerprint = data.fingerprint();
        FeatureDistribution trainingDistribution = FeatureDistribution.of(encoder, facts(parts.train()));
        Map<Algorithm, ModelBundle> bundles = new LinkedHashMap<>();
        for (Algorithm algorithm : models.keySet()) {
            PostProcessing.Result result = post.get(algorithm);
            BundleMetadata metadata = new BundleMetadata(
                    ModelBundle.FORMAT_VERSION,
                    algorithm.id(),
                    Instant.now().toString(),
                    split.trainUntil(),
                    split.validationFrom(),
                    split.validationTo(),
                    parts.train().size(),
                    parts.validation().size(),
                    fingerprint,
                    options.withAlgorithm(algorithm).asParameters(),
                    encoder.dimension(),
                    Arrays.stream(Severity.values()).map(Severity::code).toList());
            EvaluationReport honest = result.report();
            String title = algorithm.id() + ", validation " + split.validationFrom() + "-" + split.validationTo();
            GlobalImportance own = importance.get(algorithm);
            Map<String, byte[]> charts = new LinkedHashMap<>();
            charts.put(ModelBundle.CONFUSION_PNG, Charts.confusionMatrix(honest, "Confusion matrix: " + title));
            charts.put(ModelBundle.RELIABILITY_PNG, Charts.reliability(honest, "Reliability: " + title));
            if (own != null) {
                charts.put(
                        ModelBundle.SHAP_IMPORTANCE_PNG,
                        Charts.importance(
                                own.meanAbsoluteContribution(), own.rows(), "Mean |contribution| per field: " + title));
            }
            TrainingReport ownReport = algorithm == registered
                    ? report
                    : new TrainingReport(
                            algorithm.id(),
                            report.window(),
                            rows,
                            validation,
                            seconds,
                            report.featureImportance(),
                            weightsOf(result),
                            result.calibration().scale(),
                            meanAbsoluteContribution(own));
            bundles.put(
                    algorithm,
                    new ModelBundle(
                            metadata,
                            encoder,
                            models.get(algorithm),
                            result.calibration(),
                            result.rule(),
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(ownReport),
                            charts,
                            trainingDistribution));
        }
        progress.accept(String.format("done in %.1f s", seconds.get("total")));
        return new Outcome(bundles.get(registered), report, parts.validation(), bundles);
    }

    private static Map<String, Double> meanAbsoluteContribution(
            @org.jspecify.annotations.Nullable GlobalImportance importance) {
        return importance == null ? Map.of() : importance.meanAbsoluteContribution();
    }

    private static Map<String, Double> weightsOf(PostProcessing.Result result) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            weights.put(severity.code(), result.rule().weights()[severity.index()]);
        }
        return weights;
    }

    private static XGBoostModel<Label> trainXGBoost(MutableDataset<Label> data, TrainingOptions options) {
        TrainingOptions.XGBoost p = options.xgboost();
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(
                XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST,
                p.trees(),
                p.eta(),
                p.gamma(),
                p.maxDepth(),
                p.minChildWeight(),
                p.subsample(),
                p.featureSubsample(),
                p.lambda(),
                0.0,
                options.threads(),
                XGBoostTrainer.LoggingVerbosity.SILENT,
                options.seed());
        return trainer.train(data);
    }

    private static LinearSGDModel trainLogistic(MutableDataset<Label> data, TrainingOptions options) {
        TrainingOptions.Logistic p = options.logistic();
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(),
                new AdaGrad(p.learningRate(), 0.1),
                p.epochs(),
                Integer.MAX_VALUE,
                p.minibatchSize(),
                options.seed());
        return (LinearSGDModel) trainer.train(data);
    }

    /** Majority class (probability 1 on it) and class prior (the training frequencies for every row). */
    static Map<String, EvaluationReport> baselines(int[] yTrain, int[] yValidation) {
        double[] prior = new double[K];
        for (int y : yTrain) {
            prior[y] += 1.0 / yTrain.length;
        }
        int majority = Metrics.argmax(prior);
        double[] oneHot = new double[K];
        oneHot[majority] = 1;
        double[][] majorityP = new double[yValidation.length][];
        double[][] priorP = new double[yValidation.length][];
        int[] decisions = new int[yValidation.length];
        for (int i = 0; i < yValidation.length; i++) {
            majorityP[i] = oneHot;
            priorP[i] = prior;
            decisions[i] = majority;
        }
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        reports.put("majority", Metrics.evaluate(yValidation, majorityP, decisions));
        reports.put("class_prior", Metrics.evaluate(yValidation, priorP, decisions));
        return reports;
    }

    static float[] classWeights(int[] y, double power) {
        int[] counts = new int[K];
        for (int label : y) {
            counts[label]++;
        }
        float[] weights = new float[K];
        for (int k = 0; k < K; k++) {
            weights[k] = (float) Math.pow((double) y.length / (K * Math.max(1, counts[k])), power);
        }
        return weights;
    }

    private static List<TrainingReport.FeatureGain> featureImportance(XGBoostModel<Label> model) {
        Map<String, Double> gain = model.getFeatureImportance().get(0).getGain();
        return gain.entrySet().stream()
                .map(e -> new TrainingReport.FeatureGain(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(TrainingReport.FeatureGain::gain)
                        .reversed())
                .toList();
    }

    /** 0.5 ^ ((last training year - year) / half-life) per row; all 1 when the half-life is 0. */
    static float[] recencyWeights(List<LabelledEvent> rows, int lastYear, double halfLifeYears) {
        float[] weights = new float[rows.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = halfLifeYears <= 0
                    ? 1f
                    : (float) Math.pow(0.5, (lastYear - rows.get(i).year()) / halfLifeYears);
        }
        return weights;
    }

    static MutableDataset<Label> dataset(
            List<String> names, double[][] x, int[] y, float[] classWeight, float[] rowWeight) {
        LabelFactory factory = new LabelFactory();
        List<org.tribuo.Example<Label>> examples = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            examples.add(TribuoExamples.example(
                    names, x[i], TribuoExamples.label(Severity.ofIndex(y[i])), classWeight[y[i]] * rowWeight[i]));
        }
        SimpleDataSourceProvenance provenance =
                new SimpleDataSourceProvenance("training years", OffsetDateTime.now(java.time.ZoneOffset.UTC), factory);
        return new MutableDataset<>(new ListDataSource<>(examples, factory, provenance));
    }

    private static List<FlightFacts> facts(List<LabelledEvent> events) {
        return events.stream().map(LabelledEvent::facts).toList();
    }

    public static double[][] encode(FeatureEncoder encoder, List<LabelledEvent> events) {
        double[][] x = new double[events.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = encoder.encode(events.get(i).facts());
        }
        return x;
    }

    public static int[] labels(List<LabelledEvent> events) {
        return events.stream().mapToInt(e -> e.severity().index()).toArray();
    }

    private static void requireEveryClass(int[] y) {
        boolean[] seen = new boolean[K];
        for (int label : y) {
            seen[label] = true;
        }
        for (int k = 0; k < K; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException("the training years hold no "
                        + Severity.ofIndex(k).code() + " event; a model cannot learn a class it never saw");
            }
        }
    }

    private static String summary(Map<String, EvaluationReport> validation) {
        StringBuilder s = new StringBuilder("validation (calibrated models cross-fitted):");
        validation.forEach((name, r) -> s.append(String.format(
                "%n  %-38s macro-F1 %.3f  ROC-AUC macro %.3f  fatal %.3f  " + "Brier %.4f  ECE %.4f",
                name, r.macroF1(), r.macroRocAuc(), r.fatalVsRestRocAuc(), r.brier(), r.ece())));
        return s.toString();
    }

    private static double elapsed(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
