package aero.severity.api.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import aero.severity.domain.code.NtsbCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place failures become HTTP answers: an RFC 9457 problem detail for every one, with an
 * {@code errors} list naming each wrong field, and a count in {@code severity_api_errors_total}
 * by exception and status. Client mistakes are always 4xx; only our own bugs are 500.
 * Security failures in the filter chain are routed here too (see {@code ApiSecurity}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * FlightFacts' cross-field rules are {@code isXxx()} methods; name the field the client must fix,
     * not the method.
     */
    static final Map<String, String> CROSS_FIELD_RULES = Map.of(
            "eventDateInRange", "eventDate",
            "coordinatesComplete", "latitude",
            "aircraftYearNotAfterEvent", "aircraftYear",
            "makeModelHoursWithinTotal", "pilotMakeModelHours");

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    /** About how long a database restart or failover takes. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    private final ApiErrors errors;

    ApiExceptionHandler(ApiErrors errors) {
        this.errors = errors;
    }

    // ---- request bodies and parameters -------------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new InvalidField(fieldName(error.getField()), message(error)));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new InvalidField(error.getObjectName(), message(error))));
        return problem(
                ex,
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                summary(errors),
                errors,
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> errors.add(new InvalidField(
                            error instanceof FieldError field ? fieldName(field.getField()) : String.valueOf(name),
                            message(error))));
        });
        return problem(
                ex,
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                summary(errors),
                errors,
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        InvalidField error = new InvalidField(name, "'" + ex.getValue() + "' " + expected(ex.getRequiredType()));
        return problem(
                ex,
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                summary(List.of(error)),
                List.of(error),
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        InvalidField error = new InvalidField(ex.getParameterName(), "is required");
        return problem(
                ex,
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                summary(List.of(error)),
                List.of(error),
                headers,
                request);
    }

    /** Bodies that are not JSON, not the right shape, carry unknown codes or fields, or are too large. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return handleErrorResponseException(tooLarge, tooLarge.getHeaders(), tooLarge.getStatusCode(), request);
        }
        JacksonException jackson = causeOf(ex, JacksonException.class);
        if (jackson == null) {
            String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                    ? "the request body is required"
                    : "the request body could not be read";
            return problem(
                    ex,
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED,
                    "Malformed request",
                    detail,
                    List.of(),
                    headers,
                    request);
        }
        if (jackson instanceof StreamReadException
                || (!(jackson instanceof MismatchedInputException)
                        && jackson.getPath().isEmpty())) {
            TokenStreamLocation where = jackson.getLocation();
            String at = where == null || where.getLineNr() < 0
                    ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            return problem(
                    ex,
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED,
                    "Malformed JSON",
                    "the body is not valid JSON" + at + ": " + jackson.getOriginalMessage(),
                    List.of(),
                    headers,
                    request);
        }
        String field = path(jackson);
        InvalidField error = new InvalidField(field.isEmpty() ? "(body)" : field, describe(jackson));
        return problem(
                ex,
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                summary(List.of(error)),
                List.of(error),
                headers,
                request);
    }

    // ---- security ------------------------------------------------------------------------------

    /**
     * Spring Security's failures, and our own that must be one (a wrong client secret) and carry their
     * answer as an {@link ErrorResponse}.
     */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        if (ex instanceof ErrorResponse own) {
            return handleExceptionInternal(ex, own.getBody(), own.getHeaders(), own.getStatusCode(), request);
        }
        HttpHeaders headers = new HttpHeaders();
        String detail;
        if (ex instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription() == null
                    ? "invalid token"
                    : oauth.getError().getDescription();
            detail = "the bearer token was rejected: " + description;
            headers.set(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\"");
        } else {
            detail = "a bearer token is required: get one at POST /api/v1/auth/token";
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return problem(
                ex,
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.UNAUTHORIZED,
                "Unauthorized",
                detail,
                List.of(),
                headers,
                request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        return problem(
                ex,
                HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                "this operation needs the ADMIN role",
                List.of(),
                new HttpHeaders(),
                request);
    }

    // ---- limits, models, resources -------------------------------------------------------------

    // ---- outside systems and our own bugs ---------------------------------------------------------
    // (the api's own failures are ApiException: Spring's ErrorResponseException, answered as they are)

    /**
     * The database is away (stopped, failing over, pool exhausted): not our bug and not the client's,
     * and worth retrying; predictions do not need it and keep answering. Without this it was a 500
     * after the pool's connection timeout.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        log.warn("Database unavailable on {}: {}", request.getDescription(false), ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
        return problem(
                ex,
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.DATABASE_UNAVAILABLE,
                "Database unavailable",
                "the event database cannot be reached right now; try again later (predictions do not need it)",
                List.of(),
                headers,
                request);
    }

    /** Our bug, never the client's: logged with its stack, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure on {}", request.getDescription(false), ex);
        return problem(
                ex,
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "Internal error",
                "the server failed to answer this request; it has been logged",
                List.of(),
                new HttpHeaders(),
                request);
    }

    // ---- building answers ----------------------------------------------------------------------

    private ResponseEntity<Object> problem(
            Exception ex,
            HttpStatus status,
            URI type,
            String title,
            String detail,
            List<InvalidField> errors,
            HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /** Every answer passes here, including Spring's own (405, 406, 415, 404 ...): count it, fill the blanks. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own answers (405, 406, 415, ...) come with no body: the base class makes one from the exception
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null) {
            response = new ResponseEntity<>(body, headers, statusCode);
        }
        if (response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
                problem.setType(ProblemTypes.forStatus(statusCode.value()));
            }
            if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
            String requestId = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        errors.count(ex.getClass().getSimpleName(), statusCode.value());
        return response;
    }

    // ---- describing what was wrong -------------------------------------------------------------

    private static String fieldName(String field) {
        int dot = field.lastIndexOf('.');
        String last = field.substring(dot + 1);
        String mapped = CROSS_FIELD_RULES.get(last);
        return mapped == null ? field : field.substring(0, dot + 1) + mapped;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String summary(List<InvalidField> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid; see errors";
    }

    /** The JSON path of the failing value: {@code flights[3].pilotAge}. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request" + knownFields(unknown.getKnownPropertyIds());
        }
        if (ex instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum() && NtsbCode.class.isAssignableFrom(target)) {
                List<String> codes = Arrays.stream(target.getEnumConstants())
                        .map(c -> ((NtsbCode) c).code())
                        .toList();
                return "'" + invalid.getValue() + "' is not a known " + target.getSimpleName() + " code; allowed: "
                        + String.join(", ", codes);
            }
            return "'" + invalid.getValue() + "' " + expected(target);
        }
        if (ex instanceof MismatchedInputException mismatched) {
            return "has the wrong type: it " + expected(mismatched.getTargetType());
        }
        return "is invalid: " + ex.getOriginalMessage();
    }

    private static String knownFields(@Nullable Collection<Object> known) {
        return known == null || known.isEmpty()
                ? ""
                : "; known fields: "
                        + String.join(
                                ", ",
                                known.stream().map(String::valueOf).sorted().toList());
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Double.class
                || type == double.class
                || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date in the form yyyy-mm-dd";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 " + type.getSimpleName();
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "must be a JSON object";
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
