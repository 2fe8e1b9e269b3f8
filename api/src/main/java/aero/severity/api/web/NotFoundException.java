package aero.severity.api.web;

/** A resource named in the path does not exist (an event id, a client id). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
