package aero.severity.ml.model;

import java.util.List;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * Multinomial logistic regression evaluated directly: softmax(W x + b) with the weights copied out
 * of the Tribuo model and re-indexed by encoder column, so a call is one small matrix-vector product.
 */
public final class LinearScorer implements Scorer {

    /** weights[severity][column]. */
    private final double[][] weights;
    private final double[] bias;

    private LinearScorer(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public static LinearScorer of(LinearSGDModel model, List<String> featureNames) {
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int biasColumn = features.size();
        int[] outputIds = TribuoExamples.outputIds(model);
        double[][] weights = new double[outputIds.length][featureNames.size()];
        double[] bias = new double[outputIds.length];
        for (int severity = 0; severity < outputIds.length; severity++) {
            int row = outputIds[severity];
            for (int column = 0; column < featureNames.size(); column++) {
                int id = features.getID(featureNames.get(column));
                weights[severity][column] = id < 0 ? 0 : w.get(row, id);
            }
            bias[severity] = w.get(row, biasColumn);
        }
        return new LinearScorer(weights, bias);
    }

    @Override
    public double[] rawProbabilities(double[] encodedFeatures) {
        double[] z = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double[] wk = weights[k];
            double s = bias[k];
            for (int j = 0; j < wk.length; j++) {
                s += wk[j] * encodedFeatures[j];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }
}
