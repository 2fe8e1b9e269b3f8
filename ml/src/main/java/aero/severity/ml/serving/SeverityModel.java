package aero.severity.ml.serving;

import java.time.Instant;
import java.util.Optional;

import aero.severity.domain.Severity;
import aero.severity.features.FeatureDistribution;
import aero.severity.features.FeatureEncoder;

/**
 * A trained, calibrated severity model together with the encoder it was trained with.
 * Implementations are immutable and thread safe: the api shares one instance across requests and
 * swaps it atomically when a new champion arrives.
 */
public interface SeverityModel {

    ModelId id();

    /**
     * When this version was registered; models are registered right after training, so the
     * training time saved with the model stands for it. The api exports it as
     * {@code severity_model_created_timestamp_seconds}, which the "model stale" alert watches.
     * Empty when unknown.
     */
    default Optional<Instant> registeredAt() {
        return Optional.empty();
    }

    /**
     * How each request field was spread over the training rows, saved with the model: what live
     * inputs are compared with (PSI per field). Empty for models saved before it was.
     */
    default Optional<FeatureDistribution> trainingDistribution() {
        return Optional.empty();
    }

    /** The encoder saved with the model; serving must encode with this one, never its own. */
    FeatureEncoder encoder();

    /**
     * Calibrated probabilities indexed by {@link Severity#index()} (FATL, SERS, MINR, NONE),
     * summing to 1, for features produced by {@link #encoder()}.
     */
    double[] probabilities(double[] encodedFeatures);

    /**
     * Probabilities for many rows at once (one native call where the runtime allows it); row
     * {@code i} of the result belongs to row {@code i} of the input.
     */
    default double[][] probabilities(double[][] encodedRows) {
        double[][] result = new double[encodedRows.length][];
        for (int i = 0; i < encodedRows.length; i++) {
            result[i] = probabilities(encodedRows[i]);
        }
        return result;
    }

    /** The predicted class: applies the decision thresholds tuned on the validation years. */
    Severity decide(double[] probabilities);

    /** Whether {@link #explain} can take this model's scores apart (every model kind today). */
    default boolean canExplain() {
        return false;
    }

    /**
     * Exact per-column contributions to each class's raw score, with the calibration that turns raw
     * scores into {@link #probabilities}, for features produced by {@link #encoder()}.
     *
     * @throws UnsupportedOperationException when {@link #canExplain()} is false
     */
    default ScoreAttribution explain(double[] encodedFeatures) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot explain its predictions");
    }
}
