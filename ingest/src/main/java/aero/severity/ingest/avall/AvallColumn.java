package aero.severity.ingest.avall;

import java.util.Locale;

/**
 * A column as avall.mdb holds it. {@code type} is the NTSB data dictionary's type ({@code char},
 * {@code varchar}, {@code int}, {@code smallint}, {@code tinyint}, {@code real}, {@code float},
 * {@code datetime}, {@code bit}, {@code text}); {@code char} values are space padded to {@code length}.
 */
public record AvallColumn(String accessName, String type, int length) {

    /** The database column: the Access name in lower case. */
    public String name() {
        return accessName.toLowerCase(Locale.ROOT);
    }

    public boolean padded() {
        return type.equals("char");
    }
}
