package aero.severity.ingest.fetch;

/** A fetch failed; the message is the one line an operator reads, the failure says which exit code. */
final class FetchException extends RuntimeException {

    private final FetchFailure failure;

    FetchException(FetchFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    FetchException(FetchFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    FetchFailure failure() {
        return failure;
    }
}
