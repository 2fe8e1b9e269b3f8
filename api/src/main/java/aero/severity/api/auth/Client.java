package aero.severity.api.auth;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A registered api client (table {@code clients}, migration {@code V100__clients.sql}). */
@Entity
@Table(name = "clients")
class Client {

    @Id
    @Column(name = "client_id")
    private String clientId;

    /** BCrypt hash of the secret; the secret itself is shown once, at creation, and never stored. */
    @Column(name = "secret_hash")
    private String secretHash;

    @Enumerated(EnumType.STRING)
    private ClientRole role;

    @Enumerated(EnumType.STRING)
    private Tier tier;

    @Column(name = "display_name")
    private @Nullable String displayName;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @SuppressWarnings("NullAway.Init") // for JPA only
    protected Client() {}

    Client(
            String clientId,
            String secretHash,
            ClientRole role,
            Tier tier,
            @Nullable String displayName,
            Instant createdAt) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.role = role;
        this.tier = tier;
        this.displayName = displayName;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    String clientId() {
        return clientId;
    }

    String secretHash() {
        return secretHash;
    }

    ClientRole role() {
        return role;
    }

    Tier tier() {
        return tier;
    }

    @Nullable
    String displayName() {
        return displayName;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    void replaceSecretHash(String newHash) {
        this.secretHash = newHash;
    }

    void disable() {
        this.enabled = false;
    }
}
