package aero.severity.ingest.source;

/** The file cannot be loaded at all: corrupt, truncated, password-protected or not an avall database. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
