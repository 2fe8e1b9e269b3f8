package aero.severity.ml.registry;

import java.util.List;
import java.util.Map;

import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;

/**
 * The training side of a registry: what {@code ml} needs beyond the api's {@link ModelRegistry}
 * (register a version with its run, move aliases, record the gate's decision).
 */
public interface ModelStore extends ModelRegistry {

    /** Stores a trained model as a new version, with its run (params, metrics, artifacts) where the store tracks runs. */
    ModelId register(ModelBundle bundle, RunRecord run);

    void setAlias(String alias, ModelId id);

    /** The version's saved files, rebuilt. */
    ModelBundle loadBundle(ModelId id);

    /** Writes the gate's decision and its reason next to the version (run tags in MLflow). */
    void recordDecision(ModelId id, PromotionDecision decision);

    /**
     * Records an evaluation that registers no version (a backtest): one parent run holding the
     * files, with a child run for each part (a cutoff). Returns where it went, for people: the
     * parent run's id in MLflow, the folder locally.
     */
    String logRuns(RunRecord parent, List<RunRecord> children, Map<String, byte[]> files);

    /** Where the store is, for people: "MLflow at http://...", "local folder /...". */
    String describe();

    @Override
    default SeverityModel load(ModelId id) {
        try {
            return loadBundle(id).toModel(id);
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException(
                    "cannot load " + id.name() + " version " + id.version() + " from " + describe() + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
