package aero.severity.features;

import java.util.List;
import java.util.Map;

/**
 * What a fitted {@link FeatureEncoder} learned, in the form saved beside the model: the mean and
 * spread of each numeric input and the vocabulary of each open categorical input.
 */
public record EncoderSpec(int formatVersion, List<NumericStats> numeric, Map<String, List<String>> vocabularies) {

    public EncoderSpec {
        numeric = List.copyOf(numeric);
        vocabularies = Map.copyOf(vocabularies);
    }

    /** Mean and standard deviation of a numeric input over the training rows where it was known. */
    public record NumericStats(String name, double mean, double std) {
    }
}
