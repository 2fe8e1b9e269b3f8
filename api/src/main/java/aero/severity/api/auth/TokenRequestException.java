package aero.severity.api.auth;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * A token request that is not a client-credentials request we can serve: 400 with the RFC 6749 5.2
 * error code in {@code error} and the offending form field in {@code errors}.
 */
public class TokenRequestException extends ApiException {

    private final String error;
    private final String field;

    TokenRequestException(String error, String field, String message) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid token request", message);
        this.error = error;
        this.field = field;
        invalidField(field, message);
        property("error", error);
    }

    /** The RFC 6749 error code, e.g. {@code unsupported_grant_type}. */
    public String error() {
        return error;
    }

    public String field() {
        return field;
    }
}
