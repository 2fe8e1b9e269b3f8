package aero.severity.ml.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aero.severity.domain.Severity;

/**
 * Computes an {@link EvaluationReport} from true classes, probabilities and decisions. Classes are
 * indexed by {@link Severity#index()}.
 */
public final class Metrics {

    public static final int ECE_BINS = 10;
    private static final int K = Severity.values().length;
    /** Probabilities are clipped here for the log-loss: a model that says 0 for what happened is not infinitely wrong. */
    private static final double LOG_LOSS_FLOOR = 1e-15;

    private Metrics() {}

    /**
     * Every figure the reports print, from the rows' truth, probabilities and decisions.
     *
     * @param truth         true class per row
     * @param probabilities one probability per class per row (rows sum to 1)
     * @param decisions     decided class per row (the model's decision rule, thresholds included)
     */
    public static EvaluationReport evaluate(int[] truth, double[][] probabilities, int[] decisions) {
        int n = truth.length;
        if (probabilities.length != n || decisions.length != n) {
            throw new IllegalArgumentException("truth, probabilities and decisions differ in length: " + n + ", "
                    + probabilities.length + ", " + decisions.length);
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot evaluate on no rows");
        }
        int[][] confusion = new int[K][K];
        for (int i = 0; i < n; i++) {
            confusion[truth[i]][decisions[i]]++;
        }
        Map<Severity, ClassMetrics> perClass = new LinkedHashMap<>();
        double f1Sum = 0;
        double aucSum = 0;
        int aucCount = 0;
        int correct = 0;
        for (int k = 0; k < K; k++) {
            int tp = confusion[k][k];
            correct += tp;
            int support = Arrays.stream(confusion[k]).sum();
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[k];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            double auc = rocAuc(column(probabilities, k), positives(truth, k));
            perClass.put(Severity.ofIndex(k), new ClassMetrics(support, predicted, precision, recall, f1, auc));
            f1Sum += f1;
            if (!Double.isNaN(auc)) {
                aucSum += auc;
                aucCount++;
            }
        }
        double brier = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < K; k++) {
                double y = truth[i] == k ? 1 : 0;
                double d = probabilities[i][k] - y;
                brier += d * d;
            }
            logLoss -= Math.log(Math.max(LOG_LOSS_FLOOR, probabilities[i][truth[i]]));
        }
        List<ReliabilityBin> reliability = reliability(truth, probabilities);
        double ece = 0;
        for (ReliabilityBin bin : reliability) {
            ece += (double) bin.count() / n * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return new EvaluationReport(
                n,
                f1Sum / K,
                (double) correct / n,
                perClass,
                aucCount == 0 ? Double.NaN : aucSum / aucCount,
                perClass.get(Severity.FATL).rocAuc(),
                brier / n,
                logLoss / n,
                ece,
                confusion,
                reliability);
    }

    /** The predicted class is the most probable one (no thresholds): for calibration plots and baselines. */
    public static int[] argmax(double[][] probabilities) {
        int[] decisions = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            decisions[i] = argmax(probabilities[i]);
        }
        return decisions;
    }

    public static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Macro-F1 alone (cheap: for threshold tuning). */
    public static double macroF1(int[] truth, int[] decisions) {
        int[] tp = new int[K];
        int[] support = new int[K];
        int[] predicted = new int[K];
        for (int i = 0; i < truth.length; i++) {
            support[truth[i]]++;
            predicted[decisions[i]]++;
            if (truth[i] == decisions[i]) {
                tp[truth[i]]++;
            }
        }
        double sum = 0;
        for (int k = 0; k < K; k++) {
            double denominator = support[k] + predicted[k];
            sum += denominator == 0 ? 0 : 2.0 * tp[k] / denominator;
        }
        return sum / K;
    }

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random
     * negative, ties counting one half (Mann-Whitney U with mid-ranks). NaN without positives or
     * without negatives.
     */
    public static double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        long positives = 0;
        double rankSumPositives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    positives++;
                    rankSumPositives += midRank;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static List<ReliabilityBin> reliability(int[] truth, double[][] probabilities) {
        int[] count = new int[ECE_BINS];
        double[] confidence = new double[ECE_BINS];
        int[] hits = new int[ECE_BINS];
        for (int i = 0; i < truth.length; i++) {
            int top = argmax(probabilities[i]);
            double p = probabilities[i][top];
            int bin = Math.min(ECE_BINS - 1, (int) Math.floor(p * ECE_BINS));
            count[bin]++;
            confidence[bin] += p;
            if (top == truth[i]) {
                hits[bin]++;
            }
        }
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                bins.add(new ReliabilityBin(
                        (double) b / ECE_BINS,
                        (double) (b + 1) / ECE_BINS,
                        count[b],
                        confidence[b] / count[b],
                        (double) hits[b] / count[b]));
            }
        }
        return bins;
    }

    private static double[] column(double[][] probabilities, int k) {
        double[] column = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            column[i] = probabilities[i][k];
        }
        return column;
    }

    private static boolean[] positives(int[] truth, int k) {
        boolean[] positive = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            positive[i] = truth[i] == k;
        }
        return positive;
    }
}
