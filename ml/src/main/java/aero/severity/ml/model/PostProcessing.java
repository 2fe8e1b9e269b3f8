package aero.severity.ml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.evaluation.Metrics;

/**
 * Calibration and decision weights are fitted on the validation years; reporting metrics on the
 * same rows would flatter them. So the reported figures are cross-fitted: the validation rows are
 * split into folds, and each fold is scored with a calibration and decision rule fitted on the
 * other folds only. The calibration and rule that ship with the model are then fitted on all
 * validation rows.
 */
public final class PostProcessing {

    public static final int DEFAULT_FOLDS = 5;

    private PostProcessing() {}

    /**
     * What cross-fitted post-processing produced.
     *
     * @param probabilities out-of-fold calibrated probabilities (what the report is computed on)
     * @param decisions     out-of-fold decisions
     * @param calibration   fitted on all rows: ships with the model
     * @param rule          tuned on all rows: ships with the model
     * @param report        the honest (cross-fitted) metrics
     */
    public record Result(
            double[][] probabilities,
            int[] decisions,
            Calibration calibration,
            DecisionRule rule,
            EvaluationReport report) {}

    public static Result crossFit(double[][] raw, int[] truth, int folds, long seed) {
        int n = raw.length;
        if (n < folds * 2) {
            throw new IllegalArgumentException("too few validation rows (" + n + ") to cross-fit " + folds + " folds");
        }
        int[] fold = assignFolds(truth, folds, seed);
        double[][] probabilities = new double[n][];
        int[] decisions = new int[n];
        for (int f = 0; f < folds; f++) {
            List<Integer> fitRows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    fitRows.add(i);
                }
            }
            double[][] fitRaw = new double[fitRows.size()][];
            int[] fitTruth = new int[fitRows.size()];
            for (int j = 0; j < fitRaw.length; j++) {
                fitRaw[j] = raw[fitRows.get(j)];
                fitTruth[j] = truth[fitRows.get(j)];
            }
            Calibration calibration = Calibration.fit(fitRaw, fitTruth);
            DecisionRule rule = DecisionRule.tuneForMacroF1(calibration.apply(fitRaw), fitTruth);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    probabilities[i] = calibration.apply(raw[i]);
                    decisions[i] = rule.decide(probabilities[i]);
                }
            }
        }
        Calibration calibration = Calibration.fit(raw, truth);
        DecisionRule rule = DecisionRule.tuneForMacroF1(calibration.apply(raw), truth);
        return new Result(
                probabilities, decisions, calibration, rule, Metrics.evaluate(truth, probabilities, decisions));
    }

    /** Stratified: each class is dealt round-robin over the folds after a seeded shuffle. */
    static int[] assignFolds(int[] truth, int folds, long seed) {
        Random random = new Random(seed);
        int n = truth.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(java.util.Arrays.asList(order), random);
        int[] fold = new int[n];
        int[] next = new int[64];
        for (int i : order) {
            fold[i] = next[truth[i]]++ % folds;
        }
        return fold;
    }
}
