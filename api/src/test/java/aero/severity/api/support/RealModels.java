package aero.severity.api.support;

import java.net.URI;
import java.time.Duration;

import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.registry.MlflowModelRegistry;
import aero.severity.ml.registry.ModelStore;
import aero.severity.ml.registry.RunRecord;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import aero.severity.testing.RealServices;

/**
 * Models trained by ml (XGBoost on ml's generated events), once per test JVM, and registered in a
 * real registry as often as tests need versions. Small on purpose (tens of trees) so training takes
 * a second or two; the serving path is the production one.
 */
public final class RealModels {

    static final TrainingSet DATA = new TrainingSet(SyntheticEvents.generate(6_000, 2006, 2019, 21), 0);

    private static volatile Trained first;
    private static volatile Trained second;

    private RealModels() {}

    /** A model and what it was trained with (a registered version records both). */
    public record Trained(ModelTrainer.Outcome outcome, TrainingOptions options) {}

    /** The model every test serves as champion. */
    public static Trained champion() {
        Trained trained = first;
        if (trained == null) {
            synchronized (RealModels.class) {
                if (first == null) {
                    first = train(20);
                }
                trained = first;
            }
        }
        return trained;
    }

    /** Another model, with other answers: a new version, a challenger. */
    public static Trained other() {
        Trained trained = second;
        if (trained == null) {
            synchronized (RealModels.class) {
                if (second == null) {
                    second = train(35);
                }
                trained = second;
            }
        }
        return trained;
    }

    /** Registers {@code trained} as a new version and points the given aliases at it. */
    public static ModelId register(ModelStore store, Trained trained, String... aliases) {
        ModelId id =
                store.register(trained.outcome().bundle(), RunRecord.of(trained.outcome(), trained.options(), DATA));
        for (String alias : aliases) {
            store.setAlias(alias, id);
        }
        return id;
    }

    /** The real MLflow of this run, as the registry of {@code modelName}. */
    public static MlflowModelRegistry mlflow(String modelName) {
        return new MlflowModelRegistry(
                URI.create(RealServices.get().mlflowUri()), modelName, "api-tests", Duration.ofSeconds(10));
    }

    private static Trained train(int trees) {
        TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2017))
                .withXGBoost(new TrainingOptions.XGBoost(trees, 0.3, 3, 10, 0.8, 0.8, 1.0, 0.0));
        return new Trained(new ModelTrainer().train(DATA, options, line -> {}), options);
    }
}
