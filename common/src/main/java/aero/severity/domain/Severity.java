package aero.severity.domain;

import java.util.Optional;

import aero.severity.domain.code.NtsbCode;
import aero.severity.domain.code.NtsbCodes;
import org.jspecify.annotations.Nullable;

/**
 * The highest injury of an event ({@code events.ev_highest_injury}): what the platform predicts.
 * From most to least severe; {@link #index()} is the class index models, probability vectors and the
 * prediction cache use (fixed by the saved model format, so not left to the declaration order).
 */
public enum Severity implements NtsbCode {
    FATL(0, "FATL", "Fatal"),
    SERS(1, "SERS", "Serious"),
    MINR(2, "MINR", "Minor"),
    NONE(3, "NONE", "None");

    /** How many classes there are: the length of a probability vector. */
    public static final int COUNT = 4;

    private static final Severity[] BY_INDEX = {FATL, SERS, MINR, NONE};

    private final int index;
    private final String code;
    private final String meaning;

    Severity(int index, String code, String meaning) {
        this.index = index;
        this.code = code;
        this.meaning = meaning;
    }

    /** The class index: FATL 0, SERS 1, MINR 2, NONE 3. */
    public int index() {
        return index;
    }

    /** The severity of a class index. */
    public static Severity ofIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("a severity class index is 0-3, was " + index);
        }
        return BY_INDEX[index];
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /**
     * Reads an NTSB highest-injury code: trimmed, any case; {@code UNK}, {@code UNKN} and blank are
     * unknown (empty).
     *
     * @throws aero.severity.domain.code.UnknownCodeException for anything else
     */
    public static Optional<Severity> fromNtsbCode(@Nullable String raw) {
        return NtsbCodes.parse(Severity.class, raw);
    }

    /**
     * The highest injury derived from injury totals, as the public AviationData export needs:
     * fatal &gt; serious &gt; minor &gt; none. Empty when no total is known.
     */
    public static Optional<Severity> fromInjuryTotals(
            @Nullable Integer fatal, @Nullable Integer serious, @Nullable Integer minor, @Nullable Integer uninjured) {
        if (positive(fatal)) {
            return Optional.of(FATL);
        }
        if (positive(serious)) {
            return Optional.of(SERS);
        }
        if (positive(minor)) {
            return Optional.of(MINR);
        }
        boolean anyKnown = fatal != null || serious != null || minor != null || uninjured != null;
        return anyKnown ? Optional.of(NONE) : Optional.empty();
    }

    private static boolean positive(@Nullable Integer count) {
        return count != null && count > 0;
    }
}
