package aero.severity.ingest.sample;

import java.util.Locale;

/** How a generated file is broken, to test that the loader fails loudly or rejects with reasons. */
public enum Breakage {
    /** A sound file. */
    NONE,
    /** The file is cut off part way: Access pages are missing. */
    TRUNCATED,
    /** The {@code events} table is absent: not an avall database. */
    MISSING_TABLE,
    /** A sound file in which about 2% of the events carry values the loader must reject. */
    BAD_VALUES,
    /** The database carries an Access database password. */
    PASSWORD,
    /** The {@code events} table calls its date {@code event_date}: another schema, every row would be rejected. */
    WRONG_SCHEMA;

    /**
     * Reads the CLI spelling: {@code truncated}, {@code missing-table}, {@code bad-values}, {@code password},
     * {@code wrong-schema}.
     */
    public static Breakage parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
