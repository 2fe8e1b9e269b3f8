package aero.severity.api.auth;

import org.springframework.security.core.AuthenticationException;

/**
 * Client credentials that do not match an enabled client. One message for every reason (unknown
 * id, wrong secret, disabled) so that responses do not reveal which client ids exist.
 */
public class InvalidClientException extends AuthenticationException {

    InvalidClientException() {
        super("client authentication failed: unknown client, wrong secret or disabled client");
    }
}
