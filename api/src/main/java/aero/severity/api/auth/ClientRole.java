package aero.severity.api.auth;

/** What a client may do: analysts predict and read data, admins also manage clients and models. */
public enum ClientRole {
    ANALYST,
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}
