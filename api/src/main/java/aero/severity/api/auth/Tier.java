package aero.severity.api.auth;

/** The plan a client pays for; it sets the client's rate limit. */
public enum Tier {
    FREE,
    PRO,
    ENTERPRISE
}
