package aero.severity.domain;

import java.util.Optional;

import aero.severity.domain.code.NtsbCode;
import aero.severity.domain.code.NtsbCodes;

import org.jspecify.annotations.Nullable;

/**
 * The highest injury of an event ({@code events.ev_highest_injury}): what the platform predicts.
 * Declared from most to least severe; {@link #ordinal()} is the class index models use.
 */
public enum Severity implements NtsbCode {
    FATL("FATL", "Fatal"),
    SERS("SERS", "Serious"),
    MINR("MINR", "Minor"),
    NONE("NONE", "None");

    private final String code;
    private final String meaning;

    Severity(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
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
    public static Optional<Severity> fromInjuryTotals(@Nullable Integer fatal, @Nullable Integer serious,
            @Nullable Integer minor, @Nullable Integer uninjured) {
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
