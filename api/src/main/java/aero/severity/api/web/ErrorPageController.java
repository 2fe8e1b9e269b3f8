package aero.severity.api.web;

import java.net.URI;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a URL Spring Security's firewall rejected,
 * such as one holding an encoded percent sign, or a {@code sendError} from a filter) is answered as a
 * problem detail too, in place of Spring Boot's own JSON. Everything the api raises itself goes
 * through {@link ApiExceptionHandler} and never gets here.
 */
@RestController
class ErrorPageController implements ErrorController {

    private final ApiErrors errors;

    ErrorPageController(ApiErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        errors.count(
                request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause
                        ? cause.getClass().getSimpleName()
                        : ApiErrors.SEND_ERROR,
                status);
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.forStatus(status));
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(
                status >= 500
                        ? "the server failed to answer this request"
                        : "the request was refused before it reached the api: its URL, headers or body are not accepted");
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // the path itself was what was wrong with the request: leave it out
            }
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
