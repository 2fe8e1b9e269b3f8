package aero.severity.ingest.load;

/** The running counts of one table while its batch loads; {@link #counts()} is what the batch reports. */
final class TableTally {

    private long read;
    private long rejected;
    private long loaded;

    void read(long rows) {
        read = rows;
    }

    void rejected(long rows) {
        rejected += rows;
    }

    void loaded(long rows) {
        loaded = rows;
    }

    TableCounts counts() {
        return new TableCounts(read, rejected, loaded, read - rejected - loaded);
    }
}
