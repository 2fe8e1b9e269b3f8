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
import java.util.function.Function;

import aero.severity.domain.FlightFacts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the values of each request field the model reads were spread over a set of flights (the
 * training rows, saved beside the model), as the model reads them (the aircraft's age for
 * {@code aircraftYear}, a normalized make, implausible numbers as unknown): for a number, the shares
 * of ten quantile bins learned from those flights; for a code, text or flag, the shares of its most
 * frequent values and of all others; for both, the share of flights that left it out. Another set of flights (events ingested later,
 * requests the api receives) is compared with it by the population stability index (PSI) per field:
 * {@code sum((a - e) * ln(a / e))} over the bins, shares floored at {@value #FLOOR}. Below 0.1 is
 * the same population, 0.1-0.25 a shift worth a look, above 0.25 a different one.
 *
 * <p>{@code eventDate} is left out: every later flight is "drifted" in time by construction.
 *
 * @param rows   how many flights the shares were computed from
 * @param fields per request field name, in the encoder's order
 */
public record FeatureDistribution(long rows, Map<String, Field> fields) {

    /** The bins of one field and the share of the flights that fell in each. */
    public record Field(Kind kind, List<Double> edges, List<String> levels, List<Double> shares) {

        public Field {
            edges = List.copyOf(edges);
            levels = List.copyOf(levels);
            shares = List.copyOf(shares);
        }

        /** Number of bins: the value bins, then one for "left out". */
        public int bins() {
            return shares.size();
        }

        /**
         * The bin of a value as {@link #valueOf} reads it: the last bin when it is null;
         * for numbers the quantile bin; for other values the index of its level, else the
         * "all others" bin just before the last.
         */
        public int binOf(@Nullable Object value) {
            int missing = shares.size() - 1;
            if (value == null) {
                return missing;
            }
            if (kind == Kind.NUMBER) {
                if (!(value instanceof Number number)) {
                    return missing;
                }
                double x = number.doubleValue();
                int bin = 0;
                while (bin < edges.size() && x > edges.get(bin)) {
                    bin++;
                }
                return bin;
            }
            int level = levels.indexOf(value.toString());
            return level >= 0 ? level : levels.size();
        }

        /** PSI of {@code counts} (one per bin) against these shares; NaN when the counts hold nothing. */
        public double psi(long[] counts) {
            long total = Arrays.stream(counts).sum();
            if (total == 0 || counts.length != shares.size()) {
                return Double.NaN;
            }
            double psi = 0;
            for (int i = 0; i < counts.length; i++) {
                double actual = Math.max(FLOOR, (double) counts[i] / total);
                double expected = Math.max(FLOOR, shares.get(i));
                psi += (actual - expected) * Math.log(actual / expected);
            }
            return psi;
        }
    }

    /** How a field is binned. */
    public enum Kind {
        NUMBER,
        LEVEL
    }

    /** Shares below this count as this (log of zero otherwise). */
    public static final double FLOOR = 1e-4;
    /** PSI above this: a different population (the FeatureDrift alert's threshold). */
    public static final double DRIFTED = 0.25;

    static final int QUANTILE_BINS = 10;
    static final int MAX_LEVELS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FeatureDistribution {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Learns the bins and their shares from {@code flights}, for every field the encoder reads but the date. */
    public static FeatureDistribution of(FeatureEncoder encoder, Collection<FlightFacts> flights) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RequestField field : encoder.requestFields()) {
            if (field.name().equals("eventDate")) {
                continue;
            }
            List<Object> values = new ArrayList<>(flights.size());
            for (FlightFacts flight : flights) {
                values.add(valueOf(field.name(), flight));
            }
            fields.put(field.name(), learn(values));
        }
        return new FeatureDistribution(flights.size(), fields);
    }

    /**
     * A field's value as the model reads it: the number on the model's scale for a numeric input
     * (null when unknown or implausible), the level for a categorical input, else the request's
     * value ({@link RequestField#valueIn}).
     */
    static @Nullable Object valueOf(String field, FlightFacts flight) {
        return readerOf(field).apply(flight);
    }

    private static final Map<String, Function<FlightFacts, @Nullable Object>> READERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Function<FlightFacts, @Nullable Object> readerOf(String field) {
        return READERS.computeIfAbsent(field, name -> {
            for (NumericFeature numeric : NumericFeature.values()) {
                if (numeric != NumericFeature.YEAR && numeric.requestField().equals(name)) {
                    return flight -> {
                        double value = numeric.read(flight);
                        return Double.isNaN(value) ? null : value;
                    };
                }
            }
            for (CategoricalFeature categorical : CategoricalFeature.values()) {
                if (categorical.requestField().equals(name)) {
                    return categorical::read;
                }
            }
            RequestField request = new RequestField(name, new int[0], new int[0]);
            return request::valueIn;
        });
    }

    private static Field learn(List<Object> values) {
        List<Object> known = values.stream().filter(Objects::nonNull).toList();
        boolean numeric = !known.isEmpty() && known.stream().allMatch(v -> v instanceof Number);
        Field unfilled;
        if (numeric) {
            double[] sorted = known.stream()
                    .mapToDouble(v -> ((Number) v).doubleValue())
                    .sorted()
                    .toArray();
            List<Double> edges = new ArrayList<>();
            for (int q = 1; q < QUANTILE_BINS; q++) {
                double edge = sorted[
                        (int) Math.min(sorted.length - 1, Math.floor(q * sorted.length / (double) QUANTILE_BINS))];
                if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                    edges.add(edge);
                }
            }
            unfilled = new Field(Kind.NUMBER, edges, List.of(), zeros(edges.size() + 2));
        } else {
            Map<String, Long> frequency = new HashMap<>();
            known.forEach(v -> frequency.merge(v.toString(), 1L, Long::sum));
            List<String> levels = frequency.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_LEVELS)
                    .map(Map.Entry::getKey)
                    .toList();
            unfilled = new Field(Kind.LEVEL, List.of(), levels, zeros(levels.size() + 2));
        }
        long[] counts = new long[unfilled.bins()];
        values.forEach(v -> counts[unfilled.binOf(v)]++);
        List<Double> shares = Arrays.stream(counts)
                .mapToObj(c -> values.isEmpty() ? 0.0 : (double) c / values.size())
                .toList();
        return new Field(unfilled.kind(), unfilled.edges(), unfilled.levels(), shares);
    }

    private static List<Double> zeros(int n) {
        return java.util.Collections.nCopies(n, 0.0);
    }

    /** PSI per field of {@code flights} against this distribution (NaN for a field when there are none). */
    public Map<String, Double> psi(Collection<FlightFacts> flights) {
        Counts counts = newCounts();
        flights.forEach(counts::add);
        return counts.psi();
    }

    /** Empty counts over these bins, to be filled flight by flight. */
    public Counts newCounts() {
        return new Counts(this);
    }

    /** The fields ordered from the most drifted, for a report. */
    public static List<Map.Entry<String, Double>> mostDrifted(Map<String, Double> psi) {
        return psi.entrySet().stream()
                .filter(e -> !e.getValue().isNaN())
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .toList();
    }

    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    public static FeatureDistribution fromJson(String json) {
        return JSON.readValue(json, FeatureDistribution.class);
    }

    /**
     * Bin counts of a set of flights over a distribution's bins. Not thread safe: one writer (the
     * api fills it on a thread of its own).
     */
    public static final class Counts {

        private final List<Function<FlightFacts, @Nullable Object>> readers;
        private final List<String> names;
        private final List<Field> fields;
        private final long[][] counts;
        private long flights;

        private Counts(FeatureDistribution distribution) {
            this.names = List.copyOf(distribution.fields().keySet());
            this.fields = List.copyOf(distribution.fields().values());
            this.readers = names.stream().map(FeatureDistribution::readerOf).toList();
            this.counts = new long[fields.size()][];
            for (int i = 0; i < fields.size(); i++) {
                counts[i] = new long[fields.get(i).bins()];
            }
        }

        public void add(FlightFacts flight) {
            for (int i = 0; i < fields.size(); i++) {
                counts[i][fields.get(i).binOf(readers.get(i).apply(flight))]++;
            }
            flights++;
        }

        /** Adds another set's counts (same distribution) to these. */
        public void addAll(Counts other) {
            for (int i = 0; i < counts.length; i++) {
                for (int b = 0; b < counts[i].length; b++) {
                    counts[i][b] += other.counts[i][b];
                }
            }
            flights += other.flights;
        }

        public long flights() {
            return flights;
        }

        /** PSI per field, in the distribution's order. */
        public Map<String, Double> psi() {
            Map<String, Double> psi = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                psi.put(names.get(i), fields.get(i).psi(counts[i]));
            }
            return psi;
        }
    }
}
