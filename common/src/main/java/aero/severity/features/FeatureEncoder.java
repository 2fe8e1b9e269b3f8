package aero.severity.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import aero.severity.domain.FlightFacts;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one encoding of {@link FlightFacts} into model features, used by training and by serving
 * (it is saved with the model as JSON, so a model is always served with the encoder it was trained
 * with).
 *
 * <ul>
 *   <li>Numeric inputs are standardised with the training mean and spread; an unknown or
 *       implausible value becomes 0 (the mean) and sets the input's {@code .missing} indicator.</li>
 *   <li>The month and the hour are cyclic: each becomes a sine and a cosine.</li>
 *   <li>Categorical inputs are one-hot; an unknown value sets {@code .missing}; open vocabularies
 *       (make, state, country) keep their frequent levels and send the rest to {@code =OTHER}.</li>
 * </ul>
 *
 * Instances are immutable and thread safe.
 */
public final class FeatureEncoder {

    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EncoderSpec spec;
    /** The inputs this encoder encodes, in column order (a subset of the enums when inputs were left out). */
    private final NumericFeature[] numerics;

    private final CategoricalFeature[] categoricals;
    private final double[] means;
    private final double[] stds;
    /** Per encoded categorical input: level to column offset (relative to the input's first column). */
    private final List<Map<String, Integer>> levelIndex;

    private final int[] categoricalStart;
    private final String[] featureNames;

    private FeatureEncoder(EncoderSpec spec) {
        if (spec.formatVersion() != FORMAT_VERSION) {
            throw new IllegalStateException("encoder format " + spec.formatVersion()
                    + " is not supported (this build reads " + FORMAT_VERSION + "); retrain the model");
        }
        this.spec = spec;
        Map<String, EncoderSpec.NumericStats> stats =
                spec.numeric().stream().collect(Collectors.toMap(EncoderSpec.NumericStats::name, s -> s));
        Map<String, NumericFeature> numericByName =
                Arrays.stream(NumericFeature.values()).collect(Collectors.toMap(NumericFeature::featureName, f -> f));
        for (String name : stats.keySet()) {
            if (!numericByName.containsKey(name)) {
                throw new IllegalStateException(
                        "encoder has statistics for " + name + ", an input this build does not know");
            }
        }
        this.numerics = Arrays.stream(NumericFeature.values())
                .filter(f -> stats.containsKey(f.featureName()))
                .toArray(NumericFeature[]::new);
        this.means = new double[numerics.length];
        this.stds = new double[numerics.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < numerics.length; i++) {
            EncoderSpec.NumericStats s = stats.get(numerics[i].featureName());
            means[i] = s.mean();
            stds[i] = s.std() > 0 ? s.std() : 1.0;
            names.add(numerics[i].featureName());
        }
        for (NumericFeature feature : numerics) {
            names.add(feature.featureName() + ".missing");
        }
        names.addAll(List.of("month_sin", "month_cos", "local_hour_sin", "local_hour_cos", "local_hour.missing"));

        this.categoricals = spec.categorical() == null
                ? CategoricalFeature.ORIGINAL.toArray(CategoricalFeature[]::new)
                : spec.categorical().stream().map(FeatureEncoder::categorical).toArray(CategoricalFeature[]::new);
        this.levelIndex = new ArrayList<>(categoricals.length);
        this.categoricalStart = new int[categoricals.length];
        for (int c = 0; c < categoricals.length; c++) {
            CategoricalFeature feature = categoricals[c];
            List<String> levels = levelsOf(feature, spec);
            Map<String, Integer> index = new HashMap<>();
            categoricalStart[c] = names.size();
            for (String level : levels) {
                index.put(level, index.size());
                names.add(feature.featureName() + "=" + level);
            }
            if (feature.learnsVocabulary()) {
                index.put(CategoricalFeature.OTHER, index.size());
                names.add(feature.featureName() + "=" + CategoricalFeature.OTHER);
            }
            names.add(feature.featureName() + ".missing");
            levelIndex.add(Map.copyOf(index));
        }
        this.featureNames = names.toArray(String[]::new);
    }

    private static CategoricalFeature categorical(String name) {
        return Arrays.stream(CategoricalFeature.values())
                .filter(f -> f.featureName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "encoder names the input " + name + ", which this build does not know"));
    }

    /** The inputs this encoder encodes (names as in {@link #inputNames()}): all of them, less those left out when it was fitted. */
    public List<String> inputs() {
        List<String> names = new ArrayList<>();
        Arrays.stream(numerics).map(NumericFeature::featureName).forEach(names::add);
        Arrays.stream(categoricals).map(CategoricalFeature::featureName).forEach(names::add);
        return names;
    }

    /** Every input an encoder can encode (numeric and categorical, by model name), for choosing which to leave out. */
    public static List<String> inputNames() {
        List<String> names = new ArrayList<>();
        Arrays.stream(NumericFeature.values()).map(NumericFeature::featureName).forEach(names::add);
        Arrays.stream(CategoricalFeature.values())
                .map(CategoricalFeature::featureName)
                .forEach(names::add);
        return names;
    }

    private static List<String> levelsOf(CategoricalFeature feature, EncoderSpec spec) {
        if (!feature.learnsVocabulary()) {
            return feature.fixedLevels();
        }
        List<String> levels = spec.vocabularies().get(feature.featureName());
        if (levels == null) {
            throw new IllegalStateException("encoder has no vocabulary for " + feature.featureName());
        }
        return levels;
    }

    /**
     * Learns the encoding from training rows only (never from validation or later rows).
     *
     * @param maxLevels how many of the most frequent levels an open vocabulary keeps (e.g. makes)
     * @param minCount  a level seen fewer times than this goes to OTHER
     */
    public static FeatureEncoder fit(Collection<FlightFacts> training, int maxLevels, int minCount) {
        return fit(training, maxLevels, minCount, Set.of());
    }

    /**
     * As {@link #fit(Collection, int, int)}, leaving out the inputs named in {@code without} (names
     * from {@link #inputNames()}): how a backtest measures what an input is worth.
     */
    public static FeatureEncoder fit(
            Collection<FlightFacts> training, int maxLevels, int minCount, Set<String> without) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("cannot fit an encoder on no rows");
        }
        List<String> unknown = without.stream()
                .filter(name -> !inputNames().contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no such input to leave out: " + String.join(", ", unknown)
                    + " (inputs: " + String.join(", ", inputNames()) + ")");
        }
        List<EncoderSpec.NumericStats> numeric = new ArrayList<>();
        for (NumericFeature feature : NumericFeature.values()) {
            if (without.contains(feature.featureName())) {
                continue;
            }
            double sum = 0;
            double sumSq = 0;
            long n = 0;
            for (FlightFacts facts : training) {
                double value = feature.read(facts);
                if (!Double.isNaN(value)) {
                    sum += value;
                    sumSq += value * value;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double variance = n < 2 ? 1 : Math.max(0, sumSq / n - mean * mean);
            numeric.add(new EncoderSpec.NumericStats(feature.featureName(), mean, Math.sqrt(variance)));
        }
        Map<String, List<String>> vocabularies = new LinkedHashMap<>();
        List<String> categorical = new ArrayList<>();
        for (CategoricalFeature feature : CategoricalFeature.values()) {
            if (without.contains(feature.featureName())) {
                continue;
            }
            categorical.add(feature.featureName());
            if (!feature.learnsVocabulary()) {
                continue;
            }
            Map<String, Long> counts = training.stream()
                    .map(feature::read)
                    .filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(level -> level, Collectors.counting()));
            List<String> levels = counts.entrySet().stream()
                    .filter(e -> e.getValue() >= minCount && !e.getKey().equals(CategoricalFeature.OTHER))
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(maxLevels)
                    .map(Map.Entry::getKey)
                    .sorted(Comparator.naturalOrder())
                    .toList();
            vocabularies.put(feature.featureName(), levels);
        }
        return new FeatureEncoder(new EncoderSpec(FORMAT_VERSION, numeric, vocabularies, categorical));
    }

    public static FeatureEncoder of(EncoderSpec spec) {
        return new FeatureEncoder(spec);
    }

    public static FeatureEncoder fromJson(String json) {
        try {
            return new FeatureEncoder(JSON.readValue(json, EncoderSpec.class));
        } catch (JacksonException e) {
            throw new IllegalStateException("not a feature encoder: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
    }

    public EncoderSpec spec() {
        return spec;
    }

    /** Names of the model's features, in the order of {@link #encode(FlightFacts)}. */
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    public int dimension() {
        return featureNames.length;
    }

    public double[] encode(FlightFacts facts) {
        double[] features = new double[featureNames.length];
        encodeInto(facts, features);
        return features;
    }

    /** Encodes into {@code features} (length {@link #dimension()}), overwriting every entry. */
    public void encodeInto(FlightFacts facts, double[] features) {
        if (features.length != featureNames.length) {
            throw new IllegalArgumentException("expected " + featureNames.length + " features, got " + features.length);
        }
        Arrays.fill(features, 0.0);
        int missingOffset = numerics.length;
        for (int i = 0; i < numerics.length; i++) {
            double value = numerics[i].read(facts);
            if (Double.isNaN(value)) {
                features[missingOffset + i] = 1.0;
            } else {
                features[i] = (value - means[i]) / stds[i];
            }
        }
        int cyclic = 2 * numerics.length;
        double monthAngle = 2 * Math.PI * (facts.eventDate().getMonthValue() - 1) / 12.0;
        features[cyclic] = Math.sin(monthAngle);
        features[cyclic + 1] = Math.cos(monthAngle);
        Integer hour = facts.localHour();
        if (hour == null || hour < 0 || hour > 23) {
            features[cyclic + 4] = 1.0;
        } else {
            double hourAngle = 2 * Math.PI * hour / 24.0;
            features[cyclic + 2] = Math.sin(hourAngle);
            features[cyclic + 3] = Math.cos(hourAngle);
        }
        for (int c = 0; c < categoricals.length; c++) {
            CategoricalFeature feature = categoricals[c];
            Map<String, Integer> index = levelIndex.get(c);
            int start = categoricalStart[c];
            @Nullable String level = feature.read(facts);
            if (level == null) {
                features[start + index.size()] = 1.0;
                continue;
            }
            Integer offset = index.get(level);
            if (offset == null) {
                offset = index.get(CategoricalFeature.OTHER);
            }
            if (offset == null) {
                features[start + index.size()] = 1.0; // a code outside a fixed table reads as unknown
            } else {
                features[start + offset] = 1.0;
            }
        }
    }

    /** Computed once, on first use (explanations only). */
    private volatile @Nullable List<RequestField> requestFields;

    /**
     * The request fields the model reads and the columns each one fills, in column order. Derived from
     * the column names and the inputs' own {@code requestField()}, so a new input needs no list kept
     * here; a column whose input names no FlightFacts field keeps its own name (a test forbids it).
     */
    public List<RequestField> requestFields() {
        List<RequestField> fields = requestFields;
        if (fields == null) {
            fields = groupColumnsByRequestField();
            requestFields = fields;
        }
        return fields;
    }

    private List<RequestField> groupColumnsByRequestField() {
        Map<String, String> fieldOfInput = new HashMap<>();
        for (NumericFeature feature : NumericFeature.values()) {
            fieldOfInput.put(feature.featureName(), feature.requestField());
        }
        for (CategoricalFeature feature : CategoricalFeature.values()) {
            fieldOfInput.put(feature.featureName(), feature.requestField());
        }
        // the cyclic columns are written by encodeInto itself, from these fields
        fieldOfInput.put("month", "eventDate");
        fieldOfInput.put("local_hour", "localHour");
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        Map<String, List<Integer>> missing = new HashMap<>();
        for (int column = 0; column < featureNames.length; column++) {
            String name = featureNames[column];
            boolean isMissing = name.endsWith(".missing");
            String input = inputOf(name);
            String field = fieldOfInput.getOrDefault(input, input);
            columns.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
            if (isMissing) {
                missing.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
            }
        }
        List<RequestField> fields = new ArrayList<>();
        columns.forEach((field, cols) -> fields.add(new RequestField(
                field,
                cols.stream().mapToInt(Integer::intValue).toArray(),
                missing.getOrDefault(field, List.of()).stream()
                        .mapToInt(Integer::intValue)
                        .toArray())));
        return RequestField.sorted(fields);
    }

    /** {@code flight_phase=LAND} and {@code flight_phase.missing} -> {@code flight_phase}; {@code month_sin} -> {@code month}. */
    private static String inputOf(String column) {
        int level = column.indexOf('=');
        if (level >= 0) {
            return column.substring(0, level);
        }
        if (column.endsWith(".missing")) {
            return column.substring(0, column.length() - ".missing".length());
        }
        if (column.endsWith("_sin") || column.endsWith("_cos")) {
            return column.substring(0, column.length() - 4);
        }
        return column;
    }
}
