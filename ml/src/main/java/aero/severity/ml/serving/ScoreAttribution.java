package aero.severity.ml.serving;

import java.util.List;

import aero.severity.features.RequestField;

/**
 * One prediction taken apart: for every class {@code k} (in {@link aero.severity.domain.Severity}
 * order) the raw score, the input of the softmax (XGBoost's margin, the linear model's
 * {@code W x + b}), is exactly {@code baseValues[k] + sum_j byColumn[k][j]}. The calibrated
 * probabilities follow from the raw scores by vector scaling, which is linear in log space:
 * {@code p_k = softmax_k(calibrationScale * raw + calibrationBias)}.
 *
 * @param baseValues       the expected raw score per class (over the training rows)
 * @param byColumn         the contribution of each encoded column to each class's raw score
 * @param calibrationScale the calibration's multiplier of the raw scores (1 / temperature)
 * @param calibrationBias  the calibration's bias per class
 */
public record ScoreAttribution(
        double[] baseValues, double[][] byColumn, double calibrationScale, double[] calibrationBias) {

    public static ScoreAttribution uncalibrated(double[] baseValues, double[][] byColumn) {
        return new ScoreAttribution(baseValues, byColumn, 1.0, new double[baseValues.length]);
    }

    public ScoreAttribution withCalibration(double scale, double[] bias) {
        return new ScoreAttribution(baseValues, byColumn, scale, bias.clone());
    }

    public int classes() {
        return baseValues.length;
    }

    /** Base value plus every contribution: the raw score of class {@code k}. */
    public double rawScore(int k) {
        double sum = baseValues[k];
        for (double c : byColumn[k]) {
            sum += c;
        }
        return sum;
    }

    /** The calibrated log-odds of class {@code k} (up to a constant shared by all classes). */
    public double calibratedLogit(int k) {
        return calibrationScale * rawScore(k) + calibrationBias[k];
    }

    /** softmax of the calibrated logits: the probabilities the model serves. */
    public double[] calibratedProbabilities() {
        double[] z = new double[classes()];
        for (int k = 0; k < z.length; k++) {
            z[k] = calibratedLogit(k);
        }
        return Softmax.inPlace(z);
    }

    /** The contributions added up per request field: {@code [class][field]}, in the order of {@code fields}. */
    public double[][] byField(List<RequestField> fields) {
        double[][] grouped = new double[classes()][fields.size()];
        for (int k = 0; k < grouped.length; k++) {
            double[] row = byColumn[k];
            for (int f = 0; f < fields.size(); f++) {
                double sum = 0;
                for (int column : fields.get(f).columns()) {
                    sum += row[column];
                }
                grouped[k][f] = sum;
            }
        }
        return grouped;
    }
}
