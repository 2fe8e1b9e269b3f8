package aero.severity.ingest.sample;

import java.nio.file.Path;
import java.util.Map;

/**
 * What was written: rows per Access table (database names), events per {@code ev_highest_injury} code
 * as written (blank and {@code UNKN} included), and how many rows were deliberately made bad.
 */
public record SampleSummary(
        Path file, Map<String, Integer> rowsPerTable, Map<String, Integer> severities, int badRows) {

    public SampleSummary {
        rowsPerTable = Map.copyOf(rowsPerTable);
        severities = Map.copyOf(severities);
    }

    public int totalRows() {
        return rowsPerTable.values().stream().mapToInt(Integer::intValue).sum();
    }
}
