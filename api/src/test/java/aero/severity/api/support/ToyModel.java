package aero.severity.api.support;

import java.util.Random;

import aero.severity.domain.Severity;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.SeverityModel;

/**
 * A small, deterministic softmax model over the real {@link FeatureEncoder}: enough to exercise the
 * serving mechanics (encoding, caching, swapping) before ml's trained models are on main. Weights
 * come from a seed, so two versions with different seeds give different answers.
 */
public final class ToyModel implements SeverityModel {

    private final ModelId id;
    private final FeatureEncoder encoder;
    private final double[][] weights;

    public ToyModel(ModelId id, FeatureEncoder encoder, long seed) {
        this.id = id;
        this.encoder = encoder;
        Random random = new Random(seed);
        this.weights = new double[Severity.values().length][encoder.dimension()];
        for (double[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 0.5;
            }
        }
    }

    @Override
    public ModelId id() {
        return id;
    }

    @Override
    public FeatureEncoder encoder() {
        return encoder;
    }

    @Override
    public double[] probabilities(double[] x) {
        double[] logits = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += weights[k][j] * x[j];
            }
            logits[k] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            total += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= total;
        }
        return logits;
    }

    @Override
    public Severity decide(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return Severity.values()[best];
    }
}
