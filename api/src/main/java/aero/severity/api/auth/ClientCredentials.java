package aero.severity.api.auth;

/** A client's id and secret as issued: the only time the secret is ever shown. */
public record ClientCredentials(String clientId, String clientSecret, ClientRole role, Tier tier) {

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", role=" + role + ", tier=" + tier + "]";
    }
}
