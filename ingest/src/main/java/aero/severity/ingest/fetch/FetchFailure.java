package aero.severity.ingest.fetch;

/**
 * Why a fetch stopped, and its exit code. 0 (done), 1 (work failed: here, an import) and 2 (bad command
 * line) keep the meaning every ingest command gives them; the download failures get their own codes so a
 * scheduler can tell "the NTSB is down" from "the NTSB published something we refuse".
 */
enum FetchFailure {
    /**
     * The work itself failed: an Access file inside could not be imported (corrupt, truncated, wrong
     * schema; the loader rolled it back), or the local disk or database did not cooperate.
     */
    WORK(1),
    /** The server answered with an HTTP error (4xx, or 5xx on every try). */
    HTTP(3),
    /** No answer in time, no connection, or the transfer broke off, on every try. */
    NETWORK(4),
    /** What arrived is not an archive we accept: not a zip, unsafe entry names, a zip bomb, over a size limit. */
    ARCHIVE(5);

    private final int exitCode;

    FetchFailure(int exitCode) {
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
