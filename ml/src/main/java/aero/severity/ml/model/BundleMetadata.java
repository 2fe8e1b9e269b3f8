package aero.severity.ml.model;

import java.util.List;
import java.util.Map;

/**
 * What a saved model is and where it came from: algorithm, the time window it was trained and
 * validated on, row counts, the fingerprint of the data, the hyperparameters.
 */
public record BundleMetadata(
        int formatVersion,
        String algorithm,
        String createdAt,
        int trainUntilYear,
        int validationFromYear,
        int validationToYear,
        int trainingRows,
        int validationRows,
        String dataFingerprint,
        Map<String, String> hyperparameters,
        int featureCount,
        List<String> classes) {

    public BundleMetadata {
        hyperparameters = Map.copyOf(hyperparameters);
        classes = List.copyOf(classes);
    }

    public Algorithm algorithmKind() {
        return Algorithm.ofId(algorithm);
    }
}
