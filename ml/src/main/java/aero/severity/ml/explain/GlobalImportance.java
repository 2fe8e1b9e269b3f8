package aero.severity.ml.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import aero.severity.features.RequestField;
import aero.severity.ml.serving.ScoreAttribution;

/**
 * How much each request field moves the model's raw scores over a period: the mean, over rows and
 * classes, of the field's absolute contribution (log-odds units). Exact contributions, so unlike
 * XGBoost's gain it says what the model does with a field on those rows, not how often it split on
 * it while training.
 *
 * @param meanAbsoluteContribution by field, largest first
 * @param rows                     rows it was measured on
 */
public record GlobalImportance(Map<String, Double> meanAbsoluteContribution, int rows) {

    /** The MLflow metric prefix: {@code shap.flightPhase}. */
    public static final String METRIC_PREFIX = "shap.";

    public GlobalImportance {
        meanAbsoluteContribution = Collections.unmodifiableMap(new LinkedHashMap<>(meanAbsoluteContribution));
    }

    public static GlobalImportance of(
            List<RequestField> fields, Function<double[], ScoreAttribution> explain, double[][] encodedRows) {
        double[] sum = new double[fields.size()];
        long terms = 0;
        for (double[] row : encodedRows) {
            double[][] byField = explain.apply(row).byField(fields);
            terms += byField.length;
            for (double[] classRow : byField) {
                for (int f = 0; f < sum.length; f++) {
                    sum[f] += Math.abs(classRow[f]);
                }
            }
        }
        double n = Math.max(1, terms);
        Map<String, Double> mean = new LinkedHashMap<>();
        Integer[] order = new Integer[fields.size()];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sum[b], sum[a]));
        for (int f : order) {
            mean.put(fields.get(f).name(), sum[f] / n);
        }
        return new GlobalImportance(mean, encodedRows.length);
    }

    /** {@code shap.<field>} -> mean |contribution|, for a tracking server. */
    public Map<String, Double> asMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        meanAbsoluteContribution.forEach((field, value) -> metrics.put(METRIC_PREFIX + field, value));
        return metrics;
    }

    /** The {@code n} largest, largest first. */
    public List<Map.Entry<String, Double>> top(int n) {
        return meanAbsoluteContribution.entrySet().stream().limit(n).toList();
    }
}
