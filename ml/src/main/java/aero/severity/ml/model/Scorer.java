package aero.severity.ml.model;

/**
 * Uncalibrated class probabilities from encoded features, in {@link aero.severity.domain.Severity}
 * order. Implementations are immutable and thread safe.
 */
public interface Scorer {

    double[] rawProbabilities(double[] encodedFeatures);

    default double[][] rawProbabilities(double[][] encodedRows) {
        double[][] result = new double[encodedRows.length][];
        for (int i = 0; i < encodedRows.length; i++) {
            result[i] = rawProbabilities(encodedRows[i]);
        }
        return result;
    }
}
