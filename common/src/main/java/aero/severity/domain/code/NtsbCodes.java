package aero.severity.domain.code;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Reads NTSB codes the way they are stored: space padded ({@code "TF  "}), in any case, and with
 * "unknown" spelled many ways ({@code UNK}, {@code UNKN}, {@code U}, {@code UNKNOWN}, blank).
 */
public final class NtsbCodes {

    /** Spellings of "unknown" that the NTSB data uses; they all mean "no value". */
    public static final Set<String> UNKNOWN_MARKERS = Set.of("", "UNK", "UNKN", "U", "UNKNOWN", "NR");

    private static final Map<Class<?>, Map<String, ?>> BY_CODE = new ConcurrentHashMap<>();

    private NtsbCodes() {}

    /**
     * Parses {@code raw} strictly.
     *
     * @return empty when {@code raw} is null or one of the {@link #UNKNOWN_MARKERS}
     * @throws UnknownCodeException when {@code raw} is not a code of {@code type}
     */
    public static <E extends Enum<E> & NtsbCode> Optional<E> parse(Class<E> type, @Nullable String raw) {
        String normalized = normalize(raw);
        if (normalized == null) {
            return Optional.empty();
        }
        E value = lookup(type).get(normalized);
        if (value == null) {
            throw new UnknownCodeException(tableName(type), raw.trim(), codes(type));
        }
        return Optional.of(value);
    }

    /** Parses {@code raw} for historical data: an unknown code reads as "no value" instead of failing. */
    public static <E extends Enum<E> & NtsbCode> Optional<E> parseLenient(Class<E> type, @Nullable String raw) {
        String normalized = normalize(raw);
        return normalized == null
                ? Optional.empty()
                : Optional.ofNullable(lookup(type).get(normalized));
    }

    /** Trimmed, upper-case code, or null when the value means unknown. */
    public static @Nullable String normalize(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip().toUpperCase(Locale.ROOT);
        return UNKNOWN_MARKERS.contains(trimmed) ? null : trimmed;
    }

    public static <E extends Enum<E> & NtsbCode> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(NtsbCode::code).toList();
    }

    static String tableName(Class<?> type) {
        return type.getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Enum<E> & NtsbCode> Map<String, E> lookup(Class<E> type) {
        return (Map<String, E>) BY_CODE.computeIfAbsent(type, t -> {
            Map<String, E> byCode = new HashMap<>();
            for (E constant : type.getEnumConstants()) {
                byCode.put(constant.code().toUpperCase(Locale.ROOT), constant);
            }
            return Map.copyOf(byCode);
        });
    }
}
