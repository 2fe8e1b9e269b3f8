package aero.severity.features;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a fitted {@link FeatureEncoder} learned, in the form saved beside the model: the mean and
 * spread of each numeric input, the vocabulary of each open categorical input, and which
 * categorical inputs it encodes.
 *
 * @param numeric     the numeric inputs it encodes, with their statistics (an input not listed is not encoded)
 * @param categorical the categorical inputs it encodes, in encoding order; null in encoders saved
 *                    before inputs could be chosen, which encode {@link CategoricalFeature#ORIGINAL}
 */
public record EncoderSpec(
        int formatVersion,
        List<NumericStats> numeric,
        Map<String, List<String>> vocabularies,
        @Nullable List<String> categorical) {

    public EncoderSpec {
        numeric = List.copyOf(numeric);
        vocabularies = Map.copyOf(vocabularies);
        categorical = categorical == null ? null : List.copyOf(categorical);
    }

    /** Mean and standard deviation of a numeric input over the training rows where it was known. */
    public record NumericStats(String name, double mean, double std) {}
}
