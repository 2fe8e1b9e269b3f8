package aero.severity.ingest.load;

import org.jspecify.annotations.Nullable;

/** Why one row of a file is not loaded: the column at fault (if one is), the reason, and the value as read. */
record Rejection(
        @Nullable String column, String reason, @Nullable String raw) {

    static Rejection of(@Nullable String column, String reason) {
        return new Rejection(column, reason, null);
    }
}
