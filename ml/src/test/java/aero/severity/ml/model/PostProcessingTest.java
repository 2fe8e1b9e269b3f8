package aero.severity.ml.model;

import java.util.Random;

import aero.severity.ml.evaluation.Metrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PostProcessingTest {

    /** Rows whose true distribution is known: p = softmax(logits); the label is drawn from p. */
    private record Sample(double[][] truthP, int[] y) {}

    private static Sample sample(int n, long seed) {
        Random random = new Random(seed);
        double[][] p = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] logits = {
                random.nextGaussian() - 0.5,
                random.nextGaussian() - 1,
                random.nextGaussian() - 1,
                random.nextGaussian() + 0.8
            };
            p[i] = Calibration.identity(4).apply(softmaxToProbabilities(logits));
            double u = random.nextDouble();
            int k = 0;
            while (k < 3 && u > p[i][k]) {
                u -= p[i][k];
                k++;
            }
            y[i] = k;
        }
        return new Sample(p, y);
    }

    private static double[] softmaxToProbabilities(double[] logits) {
        double[] e = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < e.length; k++) {
            e[k] = Math.exp(logits[k]);
            sum += e[k];
        }
        for (int k = 0; k < e.length; k++) {
            e[k] /= sum;
        }
        return e;
    }

    @Test
    void calibrationUndoesOverconfidenceAndAShiftedPrior() {
        Sample s = sample(20_000, 1);
        // an overconfident model with a wrong prior: p^2 * exp(bias), renormalised
        Calibration distortion = new Calibration(2.0, new double[] {0.8, -0.5, 0.3, 0});
        double[][] raw = distortion.apply(s.truthP());

        Calibration fitted = Calibration.fit(raw, s.y());

        assertThat(fitted.scale()).isCloseTo(0.5, within(0.05));
        double rawEce = Metrics.evaluate(s.y(), raw, Metrics.argmax(raw)).ece();
        double[][] calibrated = fitted.apply(raw);
        double ece =
                Metrics.evaluate(s.y(), calibrated, Metrics.argmax(calibrated)).ece();
        assertThat(ece).isLessThan(0.02).isLessThan(rawEce / 3);
        for (int i = 0; i < 100; i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(calibrated[i][k]).isCloseTo(s.truthP()[i][k], within(0.05));
            }
        }
    }

    @Test
    void calibrationOfAlreadyCalibratedProbabilitiesIsNearlyTheIdentity() {
        Sample s = sample(20_000, 2);

        Calibration fitted = Calibration.fit(s.truthP(), s.y());

        assertThat(fitted.scale()).isCloseTo(1.0, within(0.05));
        assertThat(fitted.bias()).containsExactly(new double[] {0, 0, 0, 0}, within(0.08));
    }

    @Test
    void decisionWeightsTunedForMacroF1BeatPlainArgmaxOnTheRareClasses() {
        Sample s = sample(10_000, 3);
        double argmaxF1 = Metrics.macroF1(s.y(), Metrics.argmax(s.truthP()));

        DecisionRule rule = DecisionRule.tuneForMacroF1(s.truthP(), s.y());

        assertThat(Metrics.macroF1(s.y(), rule.decide(s.truthP()))).isGreaterThan(argmaxF1 + 0.02);
        assertThat(rule.weights()[3]).isEqualTo(1.0);
        assertThat(rule.weights()[1]).isGreaterThan(1.0); // SERS is rare here: it needs a boost
    }

    @Test
    void crossFittedMetricsAreComputedOnRowsTheCalibrationDidNotSee() {
        Sample s = sample(5_000, 4);
        double[][] raw = new Calibration(1.7, new double[] {0.3, 0.2, -0.1, 0}).apply(s.truthP());

        PostProcessing.Result result = PostProcessing.crossFit(raw, s.y(), 5, 11);

        assertThat(result.report().rows()).isEqualTo(5_000);
        assertThat(result.report().ece()).isLessThan(0.03);
        // the shipped calibration is fitted on all rows; out-of-fold probabilities differ from it
        double[] shipped = result.calibration().apply(raw[0]);
        assertThat(result.probabilities()[0]).isNotEqualTo(shipped);
        assertThat(result.probabilities()[0][0]).isCloseTo(shipped[0], within(0.02));
    }

    @Test
    void foldsAreStratifiedByClass() {
        int[] y = new int[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 10 == 0 ? 0 : 3;
        }
        int[] folds = PostProcessing.assignFolds(y, 5, 1);
        int[] fatalPerFold = new int[5];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) {
                fatalPerFold[folds[i]]++;
            }
        }
        assertThat(fatalPerFold).containsOnly(20);
    }
}
