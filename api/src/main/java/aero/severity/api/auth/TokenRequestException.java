package aero.severity.api.auth;

/** A token request that is not a client-credentials request we can serve (RFC 6749 5.2 error codes). */
public class TokenRequestException extends RuntimeException {

    private final String error;
    private final String field;

    TokenRequestException(String error, String field, String message) {
        super(message);
        this.error = error;
        this.field = field;
    }

    /** The RFC 6749 error code, e.g. {@code unsupported_grant_type}. */
    public String error() {
        return error;
    }

    public String field() {
        return field;
    }
}
