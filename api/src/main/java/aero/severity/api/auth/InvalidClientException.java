package aero.severity.api.auth;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;

/**
 * Client credentials that do not match an enabled client. One message for every reason (unknown
 * id, wrong secret, disabled) so that responses do not reveal which client ids exist. A Spring
 * Security failure (the filter chain must see it as one), so it carries its answer as an {@link
 * ErrorResponse}: 401 with {@code WWW-Authenticate: Basic} and the RFC 6749 {@code invalid_client}.
 */
public class InvalidClientException extends AuthenticationException implements ErrorResponse {

    private static final String MESSAGE =
            "client authentication failed: unknown client, wrong secret or disabled client";

    private final ProblemDetail body;
    private final HttpHeaders headers = new HttpHeaders();

    InvalidClientException() {
        super(MESSAGE);
        body = ApiException.problem(
                HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CLIENT, "Invalid client credentials", MESSAGE);
        body.setProperty("error", "invalid_client");
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"severity-api\"");
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }
}
