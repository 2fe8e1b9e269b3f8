package aero.severity.api.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers clients, rotates their secrets and checks their credentials. */
@Service
public class Clients {

    /** Lower-case, URL- and header-safe, 3-64 characters: ids appear in logs, metrics and Redis keys. */
    public static final String CLIENT_ID_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_PATTERN);
    private static final int SECRET_BYTES = 32;

    private final ClientRepository repository;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the id is unknown, so that unknown ids cost the same time as wrong secrets. */
    private final String decoyHash;

    Clients(ClientRepository repository, PasswordEncoder passwords, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.clock = clock;
        this.decoyHash = passwords.encode(newSecret());
    }

    @Transactional
    public ClientCredentials create(String clientId, ClientRole role, Tier tier, @Nullable String displayName) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("client id must match " + CLIENT_ID_PATTERN);
        }
        if (repository.existsById(clientId)) {
            throw new ClientAlreadyExistsException(clientId);
        }
        String secret = newSecret();
        repository.save(new Client(clientId, passwords.encode(secret), role, tier, displayName, clock.instant()));
        return new ClientCredentials(clientId, secret, role, tier);
    }

    /** Issues a new secret; the old one stops working at once (tokens already issued run to their expiry). */
    @Transactional
    public ClientCredentials resetSecret(String clientId) {
        Client client = repository.findById(clientId).orElseThrow(() -> new UnknownClientException(clientId));
        String secret = newSecret();
        client.replaceSecretHash(passwords.encode(secret));
        return new ClientCredentials(clientId, secret, client.role(), client.tier());
    }

    /** No new tokens for the client; tokens already issued run to their expiry (at most the token lifetime). */
    @Transactional
    public void disable(String clientId) {
        repository
                .findById(clientId)
                .orElseThrow(() -> new UnknownClientException(clientId))
                .disable();
    }

    @Transactional(readOnly = true)
    List<ClientSummary> list() {
        return repository.findAll(Sort.by("clientId")).stream()
                .map(ClientSummary::of)
                .toList();
    }

    /** The client whose credentials these are, or {@link InvalidClientException}. */
    @Transactional(readOnly = true)
    Caller authenticate(String clientId, String secret) {
        Client client = repository.findById(clientId).orElse(null);
        if (client == null) {
            passwords.matches(secret, decoyHash);
            throw new InvalidClientException();
        }
        if (!passwords.matches(secret, client.secretHash()) || !client.enabled()) {
            throw new InvalidClientException();
        }
        return new Caller(client.clientId(), client.role(), client.tier());
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
