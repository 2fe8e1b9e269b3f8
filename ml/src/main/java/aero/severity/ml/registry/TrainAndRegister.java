package aero.severity.ml.registry;

import java.util.Optional;
import java.util.function.Consumer;

import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TrainingOptions;
import org.jspecify.annotations.Nullable;

/**
 * One training end to end: train, register the new version as {@code challenger}, run the gate
 * against the current champion on the new version's validation rows, record the decision, and
 * move {@code champion} when it wins.
 */
public final class TrainAndRegister {

    private final ModelStore store;
    private final ModelTrainer trainer;

    public TrainAndRegister(ModelStore store, ModelTrainer trainer) {
        this.store = store;
        this.trainer = trainer;
    }

    public record Result(ModelId version, PromotionDecision decision, ModelTrainer.Outcome outcome) {}

    public Result run(TrainingSet data, TrainingOptions options, Consumer<String> progress) {
        ModelTrainer.Outcome outcome = trainer.train(data, options, progress);
        ModelId id = store.register(outcome.bundle(), RunRecord.of(outcome, options, data));
        store.setAlias(ModelRegistry.CHALLENGER, id);
        progress.accept("registered version " + id.version() + " in " + store.describe()
                + (id.runId() == null ? "" : " (run " + id.runId() + ")") + " as challenger");

        CalibratedModel challenger = outcome.bundle().toModel(id);
        PromotionDecision decision;
        Optional<ModelId> championId = store.findByAlias(ModelRegistry.CHAMPION);
        try {
            @Nullable
            ModelBundle championBundle = championId.map(store::loadBundle).orElse(null);
            @Nullable
            CalibratedModel champion = championBundle == null ? null : championBundle.toModel(championId.get());
            PromotionGate.Horizon horizon = championBundle == null
                    ? PromotionGate.Horizon.notMeasured("no champion to compare")
                    : PromotionGate.Horizon.measure(
                            trainer, data, outcome.bundle(), championBundle, outcome.validation(), progress);
            decision = new PromotionGate(options.calibrationFolds(), options.seed())
                    .decide(challenger, champion, outcome.validation(), horizon);
        } catch (ModelLoadException e) {
            decision = new PromotionDecision(
                    false,
                    "stays challenger: the champion (version "
                            + championId.map(ModelId::version).orElse("?") + ") could not be loaded to compare: "
                            + e.getMessage()
                            + "; promote by hand if it is broken",
                    championId.orElse(null),
                    null,
                    null);
        }
        store.recordDecision(id, decision);
        if (decision.promote()) {
            store.setAlias(ModelRegistry.CHAMPION, id);
        }
        progress.accept("gate: version " + id.version() + " -> " + decision.outcome() + " (" + decision.reason() + ")");
        return new Result(id, decision, outcome);
    }
}
