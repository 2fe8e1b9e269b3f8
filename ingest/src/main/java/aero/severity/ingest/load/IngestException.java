package aero.severity.ingest.load;

/** An import failed; the message says why in words an operator can act on. The database is as it was. */
public class IngestException extends RuntimeException {

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }

    public IngestException(String message) {
        super(message);
    }
}
