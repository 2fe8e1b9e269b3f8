package aero.severity.ml.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aero.severity.domain.Severity;

/**
 * The metrics of one model (or baseline) on one period.
 *
 * @param rows              rows scored
 * @param macroF1           mean of the four classes' F1 (the decision rule applied)
 * @param accuracy          share of rows whose decided class is the true one
 * @param perClass          precision, recall, F1 and one-vs-rest ROC-AUC per class
 * @param macroRocAuc       mean of the four one-vs-rest ROC-AUCs
 * @param fatalVsRestRocAuc ROC-AUC of P(FATL) for fatal against every other outcome
 * @param brier             multi-class Brier score: mean over rows of the sum over classes of
 *                          (p - y)^2, 0 (perfect) to 2
 * @param logLoss           mean negative log-likelihood of the true class
 * @param ece               expected calibration error of the top class, {@value Metrics#ECE_BINS} equal-width bins
 * @param confusion         confusion matrix, rows = true class, columns = decided class, in
 *                          {@link Severity} order
 * @param reliability       the reliability diagram's bins
 */
public record EvaluationReport(
        int rows,
        double macroF1,
        double accuracy,
        Map<Severity, ClassMetrics> perClass,
        double macroRocAuc,
        double fatalVsRestRocAuc,
        double brier,
        double logLoss,
        double ece,
        int[][] confusion,
        List<ReliabilityBin> reliability) {

    public EvaluationReport {
        perClass = new LinkedHashMap<>(perClass);
        reliability = List.copyOf(reliability);
    }

    /** Flat name/value pairs for a tracking server ({@code macro_f1}, {@code recall_FATL}, ...), NaNs left out. */
    public Map<String, Double> asFlatMetrics(String prefix) {
        Map<String, Double> flat = new LinkedHashMap<>();
        flat.put(prefix + "macro_f1", macroF1);
        flat.put(prefix + "accuracy", accuracy);
        flat.put(prefix + "roc_auc_macro", macroRocAuc);
        flat.put(prefix + "roc_auc_fatal_vs_rest", fatalVsRestRocAuc);
        flat.put(prefix + "brier", brier);
        flat.put(prefix + "log_loss", logLoss);
        flat.put(prefix + "ece", ece);
        perClass.forEach((severity, metrics) -> {
            flat.put(prefix + "precision_" + severity.code(), metrics.precision());
            flat.put(prefix + "recall_" + severity.code(), metrics.recall());
            flat.put(prefix + "f1_" + severity.code(), metrics.f1());
            flat.put(prefix + "roc_auc_" + severity.code(), metrics.rocAuc());
        });
        flat.values().removeIf(value -> value.isNaN() || value.isInfinite());
        return flat;
    }
}
