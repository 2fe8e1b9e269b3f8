package aero.severity.api.auth;

import aero.severity.api.web.NotFoundException;

/** An admin operation named a client id that is not registered: 404. */
public class UnknownClientException extends NotFoundException {

    UnknownClientException(String clientId) {
        super("no client with id '" + clientId + "'");
    }
}
