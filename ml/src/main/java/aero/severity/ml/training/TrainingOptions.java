package aero.severity.ml.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import aero.severity.ml.model.Algorithm;

/**
 * How to train: the time split, which model to register, the encoder's vocabulary limits, class
 * weighting and each algorithm's hyperparameters.
 *
 * @param classWeightPower class weight = (rows / (classes * rows of the class)) ^ power: 0 is
 *                         unweighted, 1 fully balanced; in between damps the rare classes'
 *                         weight (calibration puts the real frequencies back afterwards)
 * @param withoutInputs    encoder inputs left out (names from {@code FeatureEncoder.inputNames()}):
 *                         how a backtest measures what an input is worth; empty by default
 * @param recencyHalfLifeYears a training row's weight halves for every this many years it lies
 *                         before the last training year (0: every year weighs the same, the default)
 */
public record TrainingOptions(
        TimeSplit split,
        Algorithm algorithm,
        int makeLevels,
        int minLevelCount,
        double classWeightPower,
        XGBoost xgboost,
        Logistic logistic,
        int calibrationFolds,
        long seed,
        int threads,
        Set<String> withoutInputs,
        double recencyHalfLifeYears) {

    public TrainingOptions {
        withoutInputs = Set.copyOf(withoutInputs);
        if (recencyHalfLifeYears < 0) {
            throw new IllegalArgumentException(
                    "a recency half-life is 0 (off) or a positive number of years, not " + recencyHalfLifeYears);
        }
    }

    /** Gradient-boosted trees. */
    public record XGBoost(
            int trees,
            double eta,
            int maxDepth,
            double minChildWeight,
            double subsample,
            double featureSubsample,
            double lambda,
            double gamma) {}

    /** Multinomial logistic regression by AdaGrad. */
    public record Logistic(int epochs, double learningRate, int minibatchSize) {}

    public static TrainingOptions defaults(TimeSplit split) {
        return new TrainingOptions(
                split,
                Algorithm.XGBOOST,
                60,
                20,
                0.5,
                new XGBoost(200, 0.08, 6, 10, 0.8, 0.6, 2.0, 0.0),
                new Logistic(8, 0.2, 32),
                5,
                42L,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Set.of(),
                0);
    }

    public TrainingOptions withSplit(TimeSplit newSplit) {
        return new TrainingOptions(
                newSplit,
                algorithm,
                makeLevels,
                minLevelCount,
                classWeightPower,
                xgboost,
                logistic,
                calibrationFolds,
                seed,
                threads,
                withoutInputs,
                recencyHalfLifeYears);
    }

    public TrainingOptions withXGBoost(XGBoost newXGBoost) {
        return new TrainingOptions(
                split,
                algorithm,
                makeLevels,
                minLevelCount,
                classWeightPower,
                newXGBoost,
                logistic,
                calibrationFolds,
                seed,
                threads,
                withoutInputs,
                recencyHalfLifeYears);
    }

    public TrainingOptions withAlgorithm(Algorithm newAlgorithm) {
        return new TrainingOptions(
                split,
                newAlgorithm,
                makeLevels,
                minLevelCount,
                classWeightPower,
                xgboost,
                logistic,
                calibrationFolds,
                seed,
                threads,
                withoutInputs,
                recencyHalfLifeYears);
    }

    public TrainingOptions withClassWeightPower(double power) {
        return new TrainingOptions(
                split,
                algorithm,
                makeLevels,
                minLevelCount,
                power,
                xgboost,
                logistic,
                calibrationFolds,
                seed,
                threads,
                withoutInputs,
                recencyHalfLifeYears);
    }

    public TrainingOptions withoutInputs(Set<String> inputs) {
        return new TrainingOptions(
                split,
                algorithm,
                makeLevels,
                minLevelCount,
                classWeightPower,
                xgboost,
                logistic,
                calibrationFolds,
                seed,
                threads,
                inputs,
                recencyHalfLifeYears);
    }

    public TrainingOptions withRecencyHalfLife(double years) {
        return new TrainingOptions(
                split,
                algorithm,
                makeLevels,
                minLevelCount,
                classWeightPower,
                xgboost,
                logistic,
                calibrationFolds,
                seed,
                threads,
                withoutInputs,
                years);
    }

    /**
     * The recipe a model was trained with, read back from its saved parameters ({@link #asParameters()}),
     * on another split: how the gate retrains a champion's recipe at a backtest cutoff. Settings a
     * model's parameters do not name keep their defaults; the threads are this machine's.
     *
     * @throws IllegalArgumentException when a saved value cannot be read
     */
    public static TrainingOptions fromParameters(Map<String, String> p, TimeSplit split) {
        TrainingOptions d = defaults(split);
        try {
            XGBoost x = d.xgboost();
            Logistic l = d.logistic();
            String without = p.get("encoder.without_inputs");
            return new TrainingOptions(
                    split,
                    p.containsKey("algorithm") ? Algorithm.ofId(p.get("algorithm")) : d.algorithm(),
                    integer(p, "encoder.make_levels", d.makeLevels()),
                    integer(p, "encoder.min_level_count", d.minLevelCount()),
                    decimal(p, "class_weight_power", d.classWeightPower()),
                    new XGBoost(
                            integer(p, "xgboost.trees", x.trees()),
                            decimal(p, "xgboost.eta", x.eta()),
                            integer(p, "xgboost.max_depth", x.maxDepth()),
                            decimal(p, "xgboost.min_child_weight", x.minChildWeight()),
                            decimal(p, "xgboost.subsample", x.subsample()),
                            decimal(p, "xgboost.feature_subsample", x.featureSubsample()),
                            decimal(p, "xgboost.lambda", x.lambda()),
                            decimal(p, "xgboost.gamma", x.gamma())),
                    new Logistic(
                            integer(p, "logistic.epochs", l.epochs()),
                            decimal(p, "logistic.learning_rate", l.learningRate()),
                            integer(p, "logistic.minibatch_size", l.minibatchSize())),
                    integer(p, "calibration.cross_fit_folds", d.calibrationFolds()),
                    p.containsKey("seed") ? Long.parseLong(p.get("seed")) : d.seed(),
                    d.threads(),
                    without == null || without.isBlank() ? Set.of() : Set.of(without.split(",")),
                    decimal(p, "recency_half_life_years", d.recencyHalfLifeYears()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a saved training parameter is not a number: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> p, String key, int fallback) {
        return p.containsKey(key) ? Integer.parseInt(p.get(key)) : fallback;
    }

    private static double decimal(Map<String, String> p, String key, double fallback) {
        return p.containsKey(key) ? Double.parseDouble(p.get(key)) : fallback;
    }

    /** Every setting, flat, as a tracking server wants its parameters. */
    public Map<String, String> asParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("algorithm", algorithm.id());
        p.put("train_until_year", Integer.toString(split.trainUntil()));
        if (split.trainFrom() != Integer.MIN_VALUE) {
            p.put("train_from_year", Integer.toString(split.trainFrom()));
        }
        p.put("validation_years", split.validationFrom() + "-" + split.validationTo());
        p.put("encoder.make_levels", Integer.toString(makeLevels));
        p.put("encoder.min_level_count", Integer.toString(minLevelCount));
        p.put("class_weight_power", Double.toString(classWeightPower));
        if (recencyHalfLifeYears > 0) {
            p.put("recency_half_life_years", Double.toString(recencyHalfLifeYears));
        }
        if (!withoutInputs.isEmpty()) {
            p.put("encoder.without_inputs", String.join(",", new TreeSet<>(withoutInputs)));
        }
        p.put("xgboost.trees", Integer.toString(xgboost.trees()));
        p.put("xgboost.eta", Double.toString(xgboost.eta()));
        p.put("xgboost.max_depth", Integer.toString(xgboost.maxDepth()));
        p.put("xgboost.min_child_weight", Double.toString(xgboost.minChildWeight()));
        p.put("xgboost.subsample", Double.toString(xgboost.subsample()));
        p.put("xgboost.feature_subsample", Double.toString(xgboost.featureSubsample()));
        p.put("xgboost.lambda", Double.toString(xgboost.lambda()));
        p.put("xgboost.gamma", Double.toString(xgboost.gamma()));
        p.put("logistic.epochs", Integer.toString(logistic.epochs()));
        p.put("logistic.learning_rate", Double.toString(logistic.learningRate()));
        p.put("logistic.minibatch_size", Integer.toString(logistic.minibatchSize()));
        p.put("calibration", "vector scaling of log-probabilities, fitted on validation years");
        p.put("calibration.cross_fit_folds", Integer.toString(calibrationFolds));
        p.put("decision", "argmax of weight*p, weights tuned for macro-F1 on validation years");
        p.put("seed", Long.toString(seed));
        return p;
    }
}
