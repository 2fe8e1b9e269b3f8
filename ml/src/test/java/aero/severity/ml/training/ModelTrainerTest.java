package aero.severity.ml.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.model.Algorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelTrainerTest {

    static final TimeSplit SPLIT = TimeSplit.trainUntil(2017);
    private static ModelTrainer.Outcome outcome;
    private static final List<String> progress = new ArrayList<>();

    static TrainingOptions quickOptions() {
        TrainingOptions defaults = TrainingOptions.defaults(SPLIT);
        return defaults.withXGBoost(new TrainingOptions.XGBoost(60, 0.2, 4, 5, 0.8, 0.8, 1.0, 0.0));
    }

    @BeforeAll
    static void train() {
        List<LabelledEvent> events = new ArrayList<>(SyntheticEvents.generate(9_000, 2008, 2020, 7));
        // a make seen only after the training years must not get its own column
        events.add(new LabelledEvent(
                "LATE-MAKE",
                FlightFacts.on(LocalDate.of(2018, 5, 1)).make("ZLIN").build(),
                Severity.NONE));
        for (int i = 0; i < 50; i++) {
            events.add(new LabelledEvent(
                    "LATE-MAKE" + i,
                    FlightFacts.on(LocalDate.of(2019, 5, 1)).make("ZLIN").build(),
                    Severity.NONE));
        }
        outcome = new ModelTrainer().train(new TrainingSet(events, 3), quickOptions(), progress::add);
    }

    @Test
    void trainsOnTheTrainingYearsValidatesOnTheNextTwoAndNeverUsesLaterYears() {
        assertThat(outcome.report().rows())
                .containsEntry("left_out_later", 9_000 / 13)
                .containsEntry("dropped_without_label", 3);
        assertThat(outcome.validation()).allSatisfy(e -> assertThat(e.year()).isBetween(2018, 2019));
        assertThat(outcome.bundle().metadata().trainingRows()
                        + outcome.bundle().metadata().validationRows())
                .isEqualTo(9_000 - 9_000 / 13 + 51);
        assertThat(outcome.bundle().metadata().validationFromYear()).isEqualTo(2018);
        assertThat(outcome.bundle().metadata().validationToYear()).isEqualTo(2019);
    }

    @Test
    void theEncoderLearnsItsVocabularyFromTheTrainingYearsOnly() {
        assertThat(outcome.bundle().encoder().featureNames())
                .contains("make=CESSNA")
                .doesNotContain("make=ZLIN");
    }

    @Test
    void bothModelsBeatTheBaselinesOnValidation() {
        EvaluationReport xgboost = outcome.report().validation().get("xgboost");
        EvaluationReport logistic = outcome.report().validation().get("logistic_regression");
        EvaluationReport majority = outcome.report().validation().get("majority");
        EvaluationReport prior = outcome.report().validation().get("class_prior");

        assertThat(majority.perClass().get(Severity.NONE).recall()).isEqualTo(1.0);
        assertThat(prior.fatalVsRestRocAuc()).isEqualTo(0.5);
        for (EvaluationReport model : List.of(xgboost, logistic)) {
            assertThat(model.macroF1()).isGreaterThan(majority.macroF1() + 0.15);
            assertThat(model.fatalVsRestRocAuc()).isGreaterThan(0.70);
            assertThat(model.brier()).isLessThan(prior.brier());
            assertThat(model.ece()).isLessThan(0.06);
        }
    }

    @Test
    void calibrationLeavesEachClassRankingAloneAndThresholdsTradeAccuracyForMacroF1() {
        EvaluationReport calibrated = outcome.report().validation().get("xgboost");
        EvaluationReport raw = outcome.report().validation().get("xgboost_uncalibrated_argmax");

        // calibration is monotone per class up to the shared scale: AUCs barely move
        assertThat(calibrated.fatalVsRestRocAuc()).isCloseTo(raw.fatalVsRestRocAuc(), within(0.01));
        assertThat(calibrated.macroF1()).isGreaterThanOrEqualTo(raw.macroF1() - 0.02);
    }

    @Test
    void reportsXgboostGainImportanceWithTheRiskiestFactsOnTop() {
        List<String> top = outcome.report().featureImportance().stream()
                .limit(8)
                .map(TrainingReport.FeatureGain::feature)
                .toList();

        assertThat(top)
                .containsAnyOf(
                        "flight_phase=MANEUVERING",
                        "flight_phase=TAXI",
                        "weather_condition=IMC",
                        "flight_phase=LANDING");
        assertThat(outcome.report().featureImportance())
                .isSortedAccordingTo((a, b) -> Double.compare(b.gain(), a.gain()));
    }

    @Test
    void reportsEachStageAsItGoes() {
        assertThat(progress)
                .anySatisfy(line -> assertThat(line).startsWith("split"))
                .anySatisfy(line -> assertThat(line).startsWith("trained XGBoost"))
                .anySatisfy(line -> assertThat(line).startsWith("validation"));
        assertThat(outcome.all()).containsOnlyKeys(Algorithm.XGBOOST, Algorithm.LOGISTIC_REGRESSION);
    }

    @Test
    void refusesToTrainWithoutAValidationPeriod() {
        List<LabelledEvent> events = SyntheticEvents.generate(500, 2000, 2010, 1);

        assertThatThrownBy(() -> new ModelTrainer().train(new TrainingSet(events, 0), quickOptions(), line -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation years 2018-2019");
    }

    @Test
    void classWeightsBalanceTheClassesToTheChosenPower() {
        int[] y = {0, 3, 3, 3, 3, 3, 3, 3, 1, 2};

        float[] full = ModelTrainer.classWeights(y, 1.0);
        float[] none = ModelTrainer.classWeights(y, 0.0);

        assertThat(full[0]).isCloseTo(10f / 4, within(1e-6f));
        assertThat(full[3]).isCloseTo(10f / 28, within(1e-6f));
        assertThat(none).containsExactly(1f, 1f, 1f, 1f);
    }
}
