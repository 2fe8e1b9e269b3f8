package aero.severity.features;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.NtsbCode;
import org.jspecify.annotations.Nullable;

/**
 * One field of a request ({@link FlightFacts} component, by its JSON name) and the encoded columns
 * the encoder fills from it: {@code flightPhase} owns every {@code flight_phase=...} column and
 * {@code flight_phase.missing}; {@code eventDate} owns the year, the month's sine and cosine and the
 * day of the week. Explanations add the columns' contributions up to the field the client sent.
 *
 * @param name     the FlightFacts component (the request's JSON field)
 * @param columns  the encoder's column indices that come from it, ascending
 * @param missing  the columns among {@code columns} that say the value was unknown to the model
 */
public record RequestField(String name, int[] columns, int[] missing) {

    public RequestField {
        Objects.requireNonNull(name);
        columns = columns.clone();
        missing = missing.clone();
    }

    /**
     * The value the request gave for this field, as a JSON scalar: an NTSB code as its code, a date as
     * ISO text, numbers, text and booleans as they are; null when the request left it out (or when the
     * field is not a FlightFacts component, which {@code FeatureEncoderTest} does not let happen).
     */
    public @Nullable Object valueIn(FlightFacts facts) {
        Method accessor = ACCESSORS.get(name);
        if (accessor == null) {
            return null;
        }
        Object value;
        try {
            value = accessor.invoke(facts);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read FlightFacts." + name, e);
        }
        if (value instanceof NtsbCode code) {
            return code.code();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value;
    }

    /** True when the model read the field as unknown: left out, implausible, or a code it has no column for. */
    public boolean unknownIn(double[] encoded) {
        for (int column : missing) {
            if (encoded[column] != 0.0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is a FlightFacts component. */
    public static boolean isFlightFactsField(String name) {
        return ACCESSORS.containsKey(name);
    }

    private static final java.util.Map<String, Method> ACCESSORS = Arrays.stream(
                    FlightFacts.class.getRecordComponents())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(
                    RecordComponent::getName, RecordComponent::getAccessor));

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestField f
                && f.name.equals(name)
                && Arrays.equals(f.columns, columns)
                && Arrays.equals(f.missing, missing);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return "RequestField[" + name + ", columns=" + Arrays.toString(columns) + "]";
    }

    /** Helper for {@link FeatureEncoder#requestFields()}: a fixed list, ordered by first column. */
    static List<RequestField> sorted(List<RequestField> fields) {
        return fields.stream()
                .sorted(java.util.Comparator.comparingInt(f -> f.columns()[0]))
                .toList();
    }
}
