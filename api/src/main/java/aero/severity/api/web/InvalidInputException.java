package aero.severity.api.web;

/**
 * An input that is well-formed but not acceptable, named by its query parameter or body field: a
 * bbox upside down, a reversed date range, a batch over the configured size.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
