package aero.severity.api.auth;

public class ClientAlreadyExistsException extends RuntimeException {

    ClientAlreadyExistsException(String clientId) {
        super("a client with id '" + clientId + "' already exists");
    }
}
