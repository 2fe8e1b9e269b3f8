package aero.severity.api.auth;

/** An admin operation named a client id that is not registered. */
public class UnknownClientException extends RuntimeException {

    UnknownClientException(String clientId) {
        super("no client with id '" + clientId + "'");
    }
}
