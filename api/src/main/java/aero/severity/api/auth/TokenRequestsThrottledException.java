package aero.severity.api.auth;

/** Too many token requests from one address; answered 429 with {@code Retry-After}. */
public class TokenRequestsThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    TokenRequestsThrottledException(long perMinute, long retryAfterSeconds) {
        super("more than " + perMinute + " token requests per minute from this address; retry in " + retryAfterSeconds
                + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
