package aero.severity.api.web;

import org.springframework.http.HttpStatus;

/** A resource named in the path does not exist (an event id, a client id): 404. */
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", message);
    }
}
