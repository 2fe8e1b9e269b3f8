package aero.severity.api.web;

import org.springframework.http.HttpStatus;

/**
 * An input that is well-formed but not acceptable, named by its query parameter or body field: a
 * bbox upside down, a reversed date range, a batch over the configured size. 400, the field in
 * {@code errors}.
 */
public class InvalidInputException extends ApiException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", field + ": " + message);
        this.field = field;
        invalidField(field, message);
    }

    public String field() {
        return field;
    }
}
