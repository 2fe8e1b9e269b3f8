package aero.severity.api.model;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * Nothing to predict with yet: no champion has been registered, or none could be loaded so far. 503
 * with {@code Retry-After} of the registry's poll interval, when the next look happens.
 */
public class NoModelLoadedException extends ApiException {

    NoModelLoadedException(String message, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.NO_MODEL, "No model loaded", message);
        retryAfter(retryAfterSeconds);
    }
}
