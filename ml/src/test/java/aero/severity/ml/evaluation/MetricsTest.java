package aero.severity.ml.evaluation;

import aero.severity.domain.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every expected value below was worked out by hand from the rows in the test. */
class MetricsTest {

    private static final double[] ANY = {0.25, 0.25, 0.25, 0.25};

    @Test
    void macroF1AveragesThePerClassF1OfTheDecisions() {
        int[] truth = {0, 0, 1, 2, 3, 3};
        int[] decided = {0, 1, 1, 2, 3, 0};

        EvaluationReport report = Metrics.evaluate(truth, rows(6), decided);

        // FATL P=1/2 R=1/2 F1=1/2; SERS P=1/2 R=1 F1=2/3; MINR F1=1; NONE P=1 R=1/2 F1=2/3
        assertThat(report.perClass().get(Severity.FATL).precision()).isEqualTo(0.5);
        assertThat(report.perClass().get(Severity.FATL).recall()).isEqualTo(0.5);
        assertThat(report.perClass().get(Severity.SERS).precision()).isEqualTo(0.5);
        assertThat(report.perClass().get(Severity.SERS).recall()).isEqualTo(1.0);
        assertThat(report.perClass().get(Severity.SERS).f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.perClass().get(Severity.NONE).recall()).isEqualTo(0.5);
        assertThat(report.macroF1()).isCloseTo((0.5 + 2.0 / 3 + 1 + 2.0 / 3) / 4, within(1e-12));
        assertThat(Metrics.macroF1(truth, decided)).isCloseTo(report.macroF1(), within(1e-12));
        assertThat(report.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(report.confusion()[3]).containsExactly(1, 0, 0, 1);
    }

    @Test
    void aClassNeverDecidedHasZeroPrecisionAndZeroF1() {
        EvaluationReport report = Metrics.evaluate(new int[] {0, 1, 2, 3}, rows(4), new int[] {3, 3, 3, 3});

        assertThat(report.perClass().get(Severity.FATL).precision()).isZero();
        assertThat(report.perClass().get(Severity.FATL).f1()).isZero();
        assertThat(report.perClass().get(Severity.NONE).precision()).isEqualTo(0.25);
        assertThat(report.macroF1()).isCloseTo(0.4 / 4, within(1e-12)); // NONE: P=1/4 R=1 F1=0.4
    }

    @Test
    void rocAucIsTheShareOfPositiveNegativePairsRankedRightWithTiesCountingHalf() {
        double[] scores = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4};
        boolean[] positive = {false, true, false, false, true, false};

        // each positive (0.4) beats 0.1 and 0.35, loses to 0.8, ties 0.4: 2.5 of 4 pairs
        assertThat(Metrics.rocAuc(scores, positive)).isCloseTo(5.0 / 8, within(1e-12));
        assertThat(Metrics.rocAuc(new double[] {0.1, 0.9}, new boolean[] {false, true}))
                .isEqualTo(1.0);
        assertThat(Metrics.rocAuc(new double[] {0.9, 0.1}, new boolean[] {false, true}))
                .isEqualTo(0.0);
        assertThat(Metrics.rocAuc(new double[] {0.3, 0.3}, new boolean[] {true, true}))
                .isNaN();
    }

    @Test
    void fatalVsRestAucRanksTheFatalProbability() {
        int[] truth = {0, 1, 3, 0};
        double[][] p = {{0.6, 0.2, 0.1, 0.1}, {0.7, 0.1, 0.1, 0.1}, {0.2, 0.2, 0.2, 0.4}, {0.9, 0.05, 0.05, 0}};

        EvaluationReport report = Metrics.evaluate(truth, p, Metrics.argmax(p));

        // positives 0.6, 0.9 against negatives 0.7, 0.2: 0.6>0.2, 0.9>both: 3 of 4
        assertThat(report.fatalVsRestRocAuc()).isCloseTo(0.75, within(1e-12));
        assertThat(report.perClass().get(Severity.MINR).rocAuc()).isNaN();
        // macro AUC averages the classes that have positives and negatives: FATL .75, SERS, NONE
        double sers = Metrics.rocAuc(new double[] {0.2, 0.1, 0.2, 0.05}, new boolean[] {false, true, false, false});
        double none = Metrics.rocAuc(new double[] {0.1, 0.1, 0.4, 0}, new boolean[] {false, false, true, false});
        assertThat(report.macroRocAuc()).isCloseTo((0.75 + sers + none) / 3, within(1e-12));
    }

    @Test
    void brierSumsSquaredErrorsOverClassesAndAveragesOverRows() {
        double[][] p = {{0.7, 0.2, 0.1, 0.0}, {0.25, 0.25, 0.25, 0.25}};

        EvaluationReport report = Metrics.evaluate(new int[] {0, 3}, p, new int[] {0, 3});

        // row 1: .09+.04+.01+0 = .14; row 2: 3*.0625 + .5625 = .75
        assertThat(report.brier()).isCloseTo((0.14 + 0.75) / 2, within(1e-12));
        assertThat(report.logLoss()).isCloseTo((-Math.log(0.7) - Math.log(0.25)) / 2, within(1e-12));
    }

    @Test
    void eceWeighsEachConfidenceBinsGapBetweenConfidenceAndAccuracy() {
        int[] truth = {0, 1, 2, 3};
        double[][] p = {
            {0.9, 0.05, 0.05, 0}, // bin .9, right
            {0.9, 0.05, 0.05, 0}, // bin .9, wrong
            {0.2, 0.1, 0.6, 0.1}, // bin .6, right
            {0.15, 0.15, 0.15, 0.55}
        }; // bin .5, right

        EvaluationReport report = Metrics.evaluate(truth, p, Metrics.argmax(p));

        // 2/4 * |0.5 - 0.9| + 1/4 * |1 - 0.6| + 1/4 * |1 - 0.55|
        assertThat(report.ece()).isCloseTo(0.5 * 0.4 + 0.25 * 0.4 + 0.25 * 0.45, within(1e-12));
        assertThat(report.reliability()).hasSize(3);
        assertThat(report.reliability().get(2).count()).isEqualTo(2);
        assertThat(report.reliability().get(2).accuracy()).isEqualTo(0.5);
    }

    @Test
    void perfectlyCalibratedConstantPredictionsHaveNoCalibrationError() {
        int[] truth = {0, 3, 3, 3};
        double[][] p = {{0.25, 0, 0, 0.75}, {0.25, 0, 0, 0.75}, {0.25, 0, 0, 0.75}, {0.25, 0, 0, 0.75}};

        assertThat(Metrics.evaluate(truth, p, Metrics.argmax(p)).ece()).isCloseTo(0, within(1e-12));
    }

    @Test
    void flatMetricsNameEveryFigureAndLeaveOutUndefinedOnes() {
        EvaluationReport report = Metrics.evaluate(new int[] {0, 3}, new double[][] {ANY, ANY}, new int[] {0, 3});

        assertThat(report.asFlatMetrics("val_"))
                .containsKeys(
                        "val_macro_f1",
                        "val_ece",
                        "val_brier",
                        "val_roc_auc_fatal_vs_rest",
                        "val_recall_FATL",
                        "val_precision_NONE")
                .doesNotContainKey("val_roc_auc_SERS");
    }

    @Test
    void chartsAreRenderedAsPngImages() {
        EvaluationReport report = Metrics.evaluate(new int[] {0, 1, 2, 3}, rows(4), new int[] {0, 1, 2, 2});

        assertThat(Charts.confusionMatrix(report, "confusion")).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Charts.reliability(report, "reliability")).startsWith(0x89, 'P', 'N', 'G');
    }

    private static double[][] rows(int n) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = ANY;
        }
        return p;
    }
}
