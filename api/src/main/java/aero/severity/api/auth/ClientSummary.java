package aero.severity.api.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A registered client as admins see it (never its secret or hash). */
record ClientSummary(
        String clientId,
        ClientRole role,
        Tier tier,
        @Nullable String displayName,
        boolean enabled,
        Instant createdAt) {

    static ClientSummary of(Client client) {
        return new ClientSummary(
                client.clientId(),
                client.role(),
                client.tier(),
                client.displayName(),
                client.enabled(),
                client.createdAt());
    }
}
