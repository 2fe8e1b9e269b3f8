package aero.severity.ml.model;

import java.util.List;

import aero.severity.ml.serving.ScoreAttribution;
import aero.severity.ml.serving.Softmax;
import org.tribuo.CategoricalInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * Multinomial logistic regression evaluated directly: softmax(W x + b) with the weights copied out
 * of the Tribuo model and re-indexed by encoder column, so a call is one small matrix-vector product.
 */
public final class LinearScorer implements ExplainableScorer {

    /** weights[severity][column]. */
    private final double[][] weights;

    private final double[] bias;
    /** Each column's mean over the training rows: the point the contributions are measured from. */
    private final double[] columnMeans;

    private LinearScorer(double[][] weights, double[] bias, double[] columnMeans) {
        this.weights = weights;
        this.bias = bias;
        this.columnMeans = columnMeans;
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
        return new LinearScorer(weights, bias, columnMeans(model, featureNames));
    }

    /**
     * The training mean of every column, from the statistics Tribuo keeps in the model's feature map:
     * a zero is left out of an example ({@link TribuoExamples}), so a feature's recorded count and mean
     * are over its non-zero values, and the mean over all rows is {@code mean x count / rows}.
     */
    private static double[] columnMeans(LinearSGDModel model, List<String> featureNames) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        double rows = model.getProvenance().getDatasetProvenance().getNumExamples();
        double[] means = new double[featureNames.size()];
        for (int column = 0; column < means.length; column++) {
            VariableInfo info = features.get(featureNames.get(column));
            if (info == null || rows <= 0) {
                continue;
            }
            double observedMean = info instanceof RealInfo real
                    ? real.getMean()
                    : info instanceof CategoricalInfo categorical
                            ? categorical.generateRealInfo().getMean()
                            : 0;
            means[column] = observedMean * info.getCount() / rows;
        }
        return means;
    }

    /** Coefficient x (value - training mean) per column; base value = the score of the mean row. */
    @Override
    public ScoreAttribution attribute(double[] encodedFeatures) {
        double[] base = new double[weights.length];
        double[][] contributions = new double[weights.length][encodedFeatures.length];
        for (int k = 0; k < weights.length; k++) {
            double[] wk = weights[k];
            double b = bias[k];
            for (int j = 0; j < wk.length; j++) {
                b += wk[j] * columnMeans[j];
                contributions[k][j] = wk[j] * (encodedFeatures[j] - columnMeans[j]);
            }
            base[k] = b;
        }
        return ScoreAttribution.uncalibrated(base, contributions);
    }

    /** {@code W x + b}: the raw scores (softmax inputs). */
    public double[] rawScores(double[] encodedFeatures) {
        double[] z = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            double s = bias[k];
            for (int j = 0; j < weights[k].length; j++) {
                s += weights[k][j] * encodedFeatures[j];
            }
            z[k] = s;
        }
        return z;
    }

    @Override
    public double[] rawProbabilities(double[] encodedFeatures) {
        return Softmax.inPlace(rawScores(encodedFeatures));
    }
}
