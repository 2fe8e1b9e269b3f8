package aero.severity.api.auth;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** Too many token requests from one address; answered 429 with {@code Retry-After}. */
public class TokenRequestsThrottledException extends ApiException {

    private final long retryAfterSeconds;

    TokenRequestsThrottledException(long perMinute, long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.RATE_LIMITED,
                "Too many token requests",
                "more than " + perMinute + " token requests per minute from this address; retry in " + retryAfterSeconds
                        + " s");
        this.retryAfterSeconds = retryAfterSeconds;
        retryAfter(retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
