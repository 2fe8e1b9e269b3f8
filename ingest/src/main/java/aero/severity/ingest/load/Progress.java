package aero.severity.ingest.load;

/** Told what a load is doing, for a progress bar on a terminal or log lines elsewhere. */
public interface Progress {

    Progress NONE = new Progress() {};

    /** Reading {@code table} starts; {@code expectedRows} is -1 when unknown. */
    default void tableStarted(String table, long expectedRows) {}

    /** {@code rows} rows of the current table have been read so far. */
    default void rowsRead(String table, long rows) {}

    default void tableFinished(String table, long rows, long rejected) {}

    /** A phase after reading: validate, upsert, verify. */
    default void phase(String name) {}
}
