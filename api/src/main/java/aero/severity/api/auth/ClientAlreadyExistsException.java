package aero.severity.api.auth;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** An admin tried to register a client id that is taken: 409. */
public class ClientAlreadyExistsException extends ApiException {

    ClientAlreadyExistsException(String clientId) {
        super(
                HttpStatus.CONFLICT,
                ProblemTypes.CONFLICT,
                "Conflict",
                "a client with id '" + clientId + "' already exists");
    }
}
