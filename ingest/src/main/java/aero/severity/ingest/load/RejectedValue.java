package aero.severity.ingest.load;

/** A value that cannot go into its column; the row goes to ingest_rejects with this reason. */
final class RejectedValue extends Exception {

    private final String column;
    private final String raw;

    RejectedValue(String column, String reason, Object raw) {
        super(reason, null, false, false);
        this.column = column;
        this.raw = String.valueOf(raw);
    }

    Rejection rejection() {
        return new Rejection(column, getMessage(), raw);
    }
}
