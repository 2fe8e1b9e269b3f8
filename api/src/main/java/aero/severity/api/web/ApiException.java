package aero.severity.api.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An api failure that carries its own answer: the status, the problem type ({@link ProblemTypes}), title, detail, headers such as {@code Retry-After}, and any extra
 * member of the problem. The exception handler answers it as it is, adding only what every answer
 * gets (instance, request id, the error count). Its message is the problem's detail.
 */
public abstract class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, URI type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    /** A problem detail of this api's kind, for failures that cannot extend this class (Spring Security's). */
    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** The one field the client must fix, as the {@code errors} member every validation problem has. */
    protected final void invalidField(String field, String message) {
        getBody().setProperty("errors", List.of(new InvalidField(field, message)));
    }

    protected final void property(String name, @Nullable Object value) {
        getBody().setProperty(name, value);
    }

    protected final void header(String name, String value) {
        getHeaders().set(name, value);
    }

    protected final void retryAfter(long seconds) {
        header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    @Override
    public String getMessage() {
        String detail = getBody().getDetail();
        return detail == null ? super.getMessage() : detail;
    }
}
