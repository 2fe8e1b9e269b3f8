package aero.severity.ml.serving;

import java.util.Optional;

/**
 * Where model versions live: the MLflow model registry, or a local folder in the embedded default
 * (no outside server). Both keep the same aliases: {@code champion} and {@code challenger}.
 */
public interface ModelRegistry {

    String CHAMPION = "champion";
    String CHALLENGER = "challenger";

    /** The version an alias points at; empty when the alias is not set (e.g. nothing trained yet). */
    Optional<ModelId> findByAlias(String alias);

    /**
     * Fetches a version's artifacts and rebuilds the model and its encoder.
     *
     * @throws ModelLoadException when the registry is unreachable or the artifacts are unusable
     */
    SeverityModel load(ModelId id);
}
