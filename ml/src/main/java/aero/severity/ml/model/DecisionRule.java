package aero.severity.ml.model;

import java.util.Arrays;

import aero.severity.ml.evaluation.Metrics;

/**
 * Turns calibrated probabilities into one class: the class with the largest {@code weight * p}.
 * With all weights 1 that is the most probable class; the weights tuned for macro-F1 make the rarer
 * classes (serious, minor) win more often than their probability alone would, since macro-F1 counts
 * every class alike.
 */
public record DecisionRule(double[] weights) {

    private static final double GRID_LIMIT = 2.5;
    private static final double GRID_STEP = 0.05;
    private static final int SWEEPS = 4;

    public DecisionRule {
        weights = weights.clone();
        for (double w : weights) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(
                        "decision weights must be positive and finite: " + Arrays.toString(weights));
            }
        }
    }

    public static DecisionRule argmax(int classes) {
        double[] ones = new double[classes];
        Arrays.fill(ones, 1.0);
        return new DecisionRule(ones);
    }

    public int decide(double[] probabilities) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < probabilities.length; k++) {
            double score = weights[k] * probabilities[k];
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    public int[] decide(double[][] probabilities) {
        int[] decisions = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            decisions[i] = decide(probabilities[i]);
        }
        return decisions;
    }

    /**
     * Tunes the weights for macro-F1 by coordinate ascent over log-weights in
     * [-{@value #GRID_LIMIT}, {@value #GRID_LIMIT}] (the last class's weight stays 1).
     */
    public static DecisionRule tuneForMacroF1(double[][] probabilities, int[] truth) {
        int classes = probabilities[0].length;
        double[] logWeights = new double[classes];
        double best = Metrics.macroF1(truth, new DecisionRule(exp(logWeights)).decide(probabilities));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean improved = false;
            for (int k = 0; k < classes - 1; k++) {
                double keep = logWeights[k];
                double bestValue = keep;
                for (double v = -GRID_LIMIT; v <= GRID_LIMIT + 1e-9; v += GRID_STEP) {
                    logWeights[k] = v;
                    double f1 = Metrics.macroF1(truth, new DecisionRule(exp(logWeights)).decide(probabilities));
                    // strictly better, or as good and closer to plain argmax: no needless distortion
                    if (f1 > best + 1e-12 || (Math.abs(f1 - best) <= 1e-12 && Math.abs(v) < Math.abs(bestValue))) {
                        improved |= f1 > best + 1e-12;
                        best = Math.max(best, f1);
                        bestValue = v;
                    }
                }
                logWeights[k] = bestValue;
            }
            if (!improved) {
                break;
            }
        }
        return new DecisionRule(exp(logWeights));
    }

    private static double[] exp(double[] logWeights) {
        double[] w = new double[logWeights.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(logWeights[k]);
        }
        return w;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionRule r && Arrays.equals(r.weights, weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "DecisionRule" + Arrays.toString(weights);
    }
}
