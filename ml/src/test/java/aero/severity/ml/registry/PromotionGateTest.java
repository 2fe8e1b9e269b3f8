package aero.severity.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aBetterMacroF1WithAClearlyWorseEceStaysChallenger() {
        PromotionDecision decision = new PromotionGate(5, 1, 0.0).decide(model(good, "2"), model(weak, "1"), good.validation());

        assertThat(decision.challengerReport().macroF1()).isGreaterThan(decision.championReport().macroF1());
        assertThat(decision.promote()).isEqualTo(decision.challengerReport().ece() <= decision.championReport().ece());
        if (!decision.promote()) {
            assertThat(decision.reason()).startsWith("stays challenger: ECE worse");
        }
    }

    @Test
    void aModelDoesNotBeatItself() {
        PromotionDecision decision = new PromotionGate(5, 1).decide(model(good, "2"), model(good, "1"), good.validation());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).contains("macro-F1 not higher");
    }
}
