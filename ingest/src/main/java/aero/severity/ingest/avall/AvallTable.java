package aero.severity.ingest.avall;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An avall table: its Access name ({@code Flight_Crew}), its database name ({@code flight_crew}), its
 * key, and the parent its rows belong to (rows whose parent is missing are rejected, and a replaced
 * event takes its rows along).
 */
public record AvallTable(
        String accessName,
        List<AvallColumn> columns,
        List<String> key,
        @Nullable String parent,
        List<String> parentKey) {

    public String name() {
        return accessName.toLowerCase(Locale.ROOT);
    }

    /** True for the tables that belong to an event (all but the code tables). */
    public boolean eventData() {
        return key.contains("ev_id");
    }
}
