package aero.severity.ingest.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The outcome of importing one file. {@code batchId} is the ingest_batches row (of the earlier load when already loaded). */
public record IngestResult(
        Path file, String sha256, Outcome outcome, long batchId, Map<String, TableCounts> tables, Duration elapsed) {

    public enum Outcome {
        /** The batch landed: rows are in, ingest_batches says DONE. */
        LOADED,
        /** The same content was loaded before: nothing was done. */
        ALREADY_LOADED
    }

    public IngestResult {
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
    }

    public long rowsRead() {
        return tables.values().stream().mapToLong(TableCounts::read).sum();
    }

    public long rowsRejected() {
        return tables.values().stream().mapToLong(TableCounts::rejected).sum();
    }

    public long rowsLoaded() {
        return tables.values().stream().mapToLong(TableCounts::loaded).sum();
    }
}
