package aero.severity.ml.registry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import aero.severity.domain.Severity;
import aero.severity.ml.evaluation.ClassMetrics;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.training.ModelTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionGateTest {

    private static ModelTrainer.Outcome good;
    private static ModelTrainer.Outcome weak;

    @BeforeAll
    static void train() {
        good = new ModelTrainer().train(TrainedModels.DATA, TrainedModels.good(), line -> {});
        weak = new ModelTrainer().train(TrainedModels.DATA, TrainedModels.weak(), line -> {});
    }

    private static CalibratedModel model(ModelTrainer.Outcome outcome, String version) {
        return outcome.bundle().toModel(new ModelId("accident-severity", version, null));
    }

    @Test
    void withoutAChampionTheFirstModelIsPromoted() {
        PromotionDecision decision = new PromotionGate(5, 1).decide(model(good, "1"), null, good.validation());

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).startsWith("no champion yet");
    }

    @Test
    void aWorseChallengerStaysChallengerAndTheReasonGivesBothFigures() {
        PromotionDecision decision =
                new PromotionGate(5, 1).decide(model(weak, "2"), model(good, "1"), good.validation());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.challengerReport().macroF1())
                .isLessThan(decision.championReport().macroF1());
        assertThat(decision.reason()).contains("vs champion v1", "ECE");
    }

    private static EvaluationReport report(double macroF1, double ece) {
        Map<Severity, ClassMetrics> perClass = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            perClass.put(severity, new ClassMetrics(10, 10, 0.5, 0.5, 0.5, 0.7));
        }
        return new EvaluationReport(1000, macroF1, 0.6, perClass, 0.7, 0.8, 0.5, 1.0, ece, new int[4][4], List.of());
    }

    private static final ModelId CHAMPION = new ModelId("accident-severity", "1", null);

    @Test
    void aHigherMacroF1WithAnEceClearlyWorseStaysChallenger() {
        PromotionGate gate = new PromotionGate(5, 1);
        PromotionDecision decision = gate.judge(report(0.46, 0.035), report(0.44, 0.015), CHAMPION, 1000);

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).startsWith("stays challenger: ECE worse").contains("0.0350 vs 0.0150");
        // within the 0.02 calibration goal is still worse than a champion at 0.008
        assertThat(gate.judge(report(0.46, 0.019), report(0.44, 0.008), CHAMPION, 1000)
                        .promote())
                .isFalse();
    }

    @Test
    void aHigherMacroF1WithAnEceNotWorseBeyondSamplingNoiseIsPromoted() {
        PromotionGate gate = new PromotionGate(5, 1);

        assertThat(gate.judge(report(0.46, 0.034), report(0.44, 0.030), CHAMPION, 1000)
                        .promote())
                .isTrue();
        assertThat(gate.judge(report(0.46, 0.010), report(0.44, 0.012), CHAMPION, 1000)
                        .reason())
                .startsWith("beats the champion");
        assertThat(new PromotionGate(5, 1, 0.0)
                        .judge(report(0.46, 0.031), report(0.44, 0.030), CHAMPION, 1000)
                        .promote())
                .as("with no tolerance, any rise of the ECE is worse")
                .isFalse();
    }

    @Test
    void anEqualMacroF1IsNotEnough() {
        PromotionDecision decision =
                new PromotionGate(5, 1).judge(report(0.44, 0.005), report(0.44, 0.015), CHAMPION, 1000);

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).startsWith("stays challenger: macro-F1 not higher");
    }

    @Test
    void aModelDoesNotBeatItself() {
        PromotionDecision decision =
                new PromotionGate(5, 1).decide(model(good, "2"), model(good, "1"), good.validation());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).contains("macro-F1 not higher");
    }

    private static EvaluationReport horizonReport(double brier, double ece) {
        Map<Severity, ClassMetrics> perClass = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            perClass.put(severity, new ClassMetrics(10, 10, 0.5, 0.5, 0.5, 0.7));
        }
        return new EvaluationReport(800, 0.44, 0.6, perClass, 0.7, 0.8, brier, 1.0, ece, new int[4][4], List.of());
    }

    @Test
    void aChallengerBetterOnTheValidationYearsButWorseAtTheRecentHorizonStaysChallenger() {
        PromotionGate gate = new PromotionGate(5, 1);
        PromotionGate.Horizon worseBrier = new PromotionGate.Horizon(
                horizonReport(0.530, 0.020), horizonReport(0.520, 0.020), "recipe retrained to 2008");
        PromotionGate.Horizon worseEce = new PromotionGate.Horizon(
                horizonReport(0.520, 0.031), horizonReport(0.520, 0.020), "recipe retrained to 2008");

        PromotionDecision decision = gate.judge(report(0.46, 0.010), report(0.44, 0.012), CHAMPION, 1000, worseBrier);

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason())
                .startsWith("stays challenger: Brier worse at the recent horizon (recipe retrained to 2008)")
                .contains("Brier 0.5300 vs 0.5200", "on the same 800 rows", "beats the champion");
        assertThat(decision.challengerHorizonReport().brier()).isEqualTo(0.530);
        assertThat(decision.championHorizonReport().brier()).isEqualTo(0.520);
        assertThat(gate.judge(report(0.46, 0.010), report(0.44, 0.012), CHAMPION, 1000, worseEce)
                        .reason())
                .startsWith("stays challenger: ECE worse at the recent horizon");
    }

    @Test
    void aChallengerBetterOnTheValidationYearsAndNotWorseAtTheRecentHorizonIsPromoted() {
        PromotionGate.Horizon withinNoise = new PromotionGate.Horizon(
                horizonReport(0.5215, 0.024), horizonReport(0.520, 0.020), "recipe retrained to 2008");

        PromotionDecision decision =
                new PromotionGate(5, 1).judge(report(0.46, 0.010), report(0.44, 0.012), CHAMPION, 1000, withinNoise);

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).startsWith("beats the champion").contains("not worse at the recent horizon");
        assertThat(decision.horizon()).isEqualTo("recipe retrained to 2008");
    }

    @Test
    void aBetterRecentHorizonDoesNotMakeUpForWorseValidationYears() {
        PromotionGate.Horizon better =
                new PromotionGate.Horizon(horizonReport(0.500, 0.010), horizonReport(0.520, 0.020), "h");

        PromotionDecision decision =
                new PromotionGate(5, 1).judge(report(0.43, 0.010), report(0.44, 0.012), CHAMPION, 1000, better);

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).startsWith("stays challenger: macro-F1 not higher");
    }

    @Test
    void whenTheRecentHorizonCannotBeMeasuredTheValidationYearsDecideAndTheReasonSaysWhy() {
        PromotionDecision decision = new PromotionGate(5, 1)
                .judge(
                        report(0.46, 0.010),
                        report(0.44, 0.012),
                        CHAMPION,
                        1000,
                        PromotionGate.Horizon.notMeasured("no year before 2006 to train on"));

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).contains("recent horizon not measured: no year before 2006 to train on");
    }

    @Test
    void theGateRetrainsBothRecipesAtTheRecentHorizonOnTheSameRows() {
        PromotionGate.Horizon horizon = PromotionGate.Horizon.measure(
                new ModelTrainer(), TrainedModels.DATA, good.bundle(), weak.bundle(), good.validation(), line -> {});

        assertThat(horizon.description())
                .contains("recipe retrained to 2015, calibrated on 2016-2017, scored on 2018-2019");
        assertThat(horizon.challenger().rows())
                .isEqualTo(horizon.champion().rows())
                .isEqualTo(good.validation().size());
        assertThat(horizon.challenger().brier())
                .as("the two-stump recipe is worse two to four years on as well")
                .isLessThan(horizon.champion().brier());
    }
}
