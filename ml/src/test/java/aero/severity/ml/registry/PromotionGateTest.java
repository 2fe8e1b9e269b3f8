package aero.severity.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

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

class PromotionGateTest {

    private static ModelTrainer.Outcome good;
    private static ModelTrainer.Outcome weak;

    @BeforeAll
    static void train() {
        good = new ModelTrainer().train(TrainedModels.DATA, TrainedModels.good(), line -> { });
        weak = new ModelTrainer().train(TrainedModels.DATA, TrainedModels.weak(), line -> { });
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
        PromotionDecision decision = new PromotionGate(5, 1).decide(model(weak, "2"), model(good, "1"), good.validation());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.challengerReport().macroF1()).isLessThan(decision.championReport().macroF1());
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
        assertThat(gate.judge(report(0.46, 0.019), report(0.44, 0.008), CHAMPION, 1000).promote()).isFalse();
    }

    @Test
    void aHigherMacroF1WithAnEceNotWorseBeyondSamplingNoiseIsPromoted() {
        PromotionGate gate = new PromotionGate(5, 1);

        assertThat(gate.judge(report(0.46, 0.034), report(0.44, 0.030), CHAMPION, 1000).promote()).isTrue();
        assertThat(gate.judge(report(0.46, 0.010), report(0.44, 0.012), CHAMPION, 1000).reason()).startsWith("beats the champion");
        assertThat(new PromotionGate(5, 1, 0.0).judge(report(0.46, 0.031), report(0.44, 0.030), CHAMPION, 1000).promote())
                .as("with no tolerance, any rise of the ECE is worse").isFalse();
    }

    @Test
    void anEqualMacroF1IsNotEnough() {
        PromotionDecision decision = new PromotionGate(5, 1).judge(report(0.44, 0.005), report(0.44, 0.015), CHAMPION, 1000);

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).startsWith("stays challenger: macro-F1 not higher");
    }

    @Test
    void aModelDoesNotBeatItself() {
        PromotionDecision decision = new PromotionGate(5, 1).decide(model(good, "2"), model(good, "1"), good.validation());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).contains("macro-F1 not higher");
    }
}
