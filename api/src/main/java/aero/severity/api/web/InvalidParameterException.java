package aero.severity.api.web;

/** A query or path parameter that is well-formed but not acceptable (a bbox upside down, a range reversed). */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
