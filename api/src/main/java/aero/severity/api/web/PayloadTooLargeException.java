package aero.severity.api.web;

import org.springframework.http.HttpStatus;

/** A request body over {@code severity.api.max-body-size}; answered with 413 before or while it is read. */
public class PayloadTooLargeException extends ApiException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemTypes.TOO_LARGE,
                "Request body too large",
                "the request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
