package aero.severity.ml.training;

import java.util.List;
import java.util.Map;

import aero.severity.ml.evaluation.EvaluationReport;

/**
 * What {@code metrics.json} holds: validation metrics of every model and baseline (calibrated
 * models cross-fitted, see {@code PostProcessing}), row counts, timings, and XGBoost's feature
 * importance.
 *
 * @param validation   by name: {@code xgboost}, {@code logistic_regression}, {@code majority},
 *                     {@code class_prior}; and the models before calibration/thresholds
 *                     ({@code xgboost_uncalibrated_argmax}, ...) for reference
 * @param shapImportance this model's mean |contribution| per request field on the validation rows,
 *                     largest first (exact TreeSHAP or linear contributions, see {@code GlobalImportance})
 */
public record TrainingReport(
        String registeredAlgorithm,
        String window,
        Map<String, Integer> rows,
        Map<String, EvaluationReport> validation,
        Map<String, Double> seconds,
        List<FeatureGain> featureImportance,
        Map<String, Double> decisionWeights,
        double calibrationScale,
        Map<String, Double> shapImportance) {

    /** Average gain of the splits on a feature (XGBoost's "gain" importance), largest first. */
    public record FeatureGain(String feature, double gain) {}
}
