package aero.severity.ml.training;

import java.util.LinkedHashMap;
import java.util.Map;

import aero.severity.ml.model.Algorithm;

/**
 * How to train: the time split, which model to register, the encoder's vocabulary limits, class
 * weighting and each algorithm's hyperparameters.
 *
 * @param classWeightPower class weight = (rows / (classes * rows of the class)) ^ power: 0 is
 *                         unweighted, 1 fully balanced; in between damps the rare classes'
 *                         weight (calibration puts the real frequencies back afterwards)
 */
public record TrainingOptions(TimeSplit split, Algorithm algorithm, int makeLevels, int minLevelCount,
        double classWeightPower, XGBoost xgboost, Logistic logistic, int calibrationFolds, long seed, int threads) {

    /** Gradient-boosted trees. */
    public record XGBoost(int trees, double eta, int maxDepth, double minChildWeight, double subsample,
            double featureSubsample, double lambda, double gamma) {
    }

    /** Multinomial logistic regression by AdaGrad. */
    public record Logistic(int epochs, double learningRate, int minibatchSize) {
    }

    public static TrainingOptions defaults(TimeSplit split) {
        return new TrainingOptions(split, Algorithm.XGBOOST, 60, 20, 0.5,
                new XGBoost(200, 0.08, 6, 10, 0.8, 0.6, 2.0, 0.0),
                new Logistic(8, 0.2, 32),
                5, 42L, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public TrainingOptions withSplit(TimeSplit newSplit) {
        return new TrainingOptions(newSplit, algorithm, makeLevels, minLevelCount, classWeightPower, xgboost, logistic,
                calibrationFolds, seed, threads);
    }

    public TrainingOptions withXGBoost(XGBoost newXGBoost) {
        return new TrainingOptions(split, algorithm, makeLevels, minLevelCount, classWeightPower, newXGBoost, logistic,
                calibrationFolds, seed, threads);
    }

    public TrainingOptions withAlgorithm(Algorithm newAlgorithm) {
        return new TrainingOptions(split, newAlgorithm, makeLevels, minLevelCount, classWeightPower, xgboost, logistic,
                calibrationFolds, seed, threads);
    }

    public TrainingOptions withClassWeightPower(double power) {
        return new TrainingOptions(split, algorithm, makeLevels, minLevelCount, power, xgboost, logistic,
                calibrationFolds, seed, threads);
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
