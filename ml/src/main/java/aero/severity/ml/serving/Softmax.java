package aero.severity.ml.serving;

/** The softmax every scorer and the calibration end with, computed one way (shifted by the maximum). */
public final class Softmax {

    private Softmax() {}

    /** Turns {@code logits} into probabilities in place and returns the same array. */
    public static double[] inPlace(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
        return logits;
    }
}
