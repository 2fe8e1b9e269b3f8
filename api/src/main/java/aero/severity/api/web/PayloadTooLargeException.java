package aero.severity.api.web;

/** A request body over {@code severity.api.max-body-size}; answered with 413 before or while it is read. */
public class PayloadTooLargeException extends RuntimeException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
