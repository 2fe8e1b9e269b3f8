package aero.severity.ingest.load;

/**
 * Rows of one table in one batch: read from the file, rejected (in ingest_rejects), loaded (inserted,
 * or replacing an older version), skipped (the database already held the same or a newer version).
 */
public record TableCounts(long read, long rejected, long loaded, long skipped) {}
