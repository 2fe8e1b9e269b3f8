package aero.severity.api.auth;

import java.net.URI;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Client administration for admins ({@code /api/v1/admin/clients}); the CLI does the same offline. */
@RestController
@RequestMapping("/api/v1/admin/clients")
@Tag(name = "admin", description = "Client administration (role ADMIN)")
class ClientAdminController {

    /** Printable text only: PostgreSQL cannot store U+0000, and no name needs a control character. */
    static final String DISPLAY_NAME_PATTERN = "[^\\u0000-\\u001f\\u007f]*";

    private final Clients clients;

    ClientAdminController(Clients clients) {
        this.clients = clients;
    }

    @Operation(
            summary = "Register a client",
            description = "The response holds the client secret: it is shown only"
                    + " this once, only its BCrypt hash is stored.")
    @PostMapping
    ResponseEntity<ClientCredentials> create(@Valid @RequestBody NewClient request) {
        ClientCredentials created =
                clients.create(request.clientId(), request.role(), request.tier(), request.displayName());
        return ResponseEntity.created(URI.create("/api/v1/admin/clients/" + created.clientId()))
                .body(created);
    }

    @Operation(summary = "List registered clients")
    @GetMapping
    List<ClientSummary> list() {
        return clients.list();
    }

    @Operation(summary = "Issue a new secret for a client; the old one stops working at once")
    @PostMapping("/{clientId}/secret")
    ClientCredentials resetSecret(@PathVariable String clientId) {
        return clients.resetSecret(clientId);
    }

    @Operation(summary = "Disable a client: no new tokens; tokens already issued expire within 15 minutes")
    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> disable(@PathVariable String clientId) {
        clients.disable(clientId);
        return ResponseEntity.noContent().build();
    }

    record NewClient(
            @NotNull(message = "is required")
            @Pattern(regexp = Clients.CLIENT_ID_PATTERN, message = "must be 3-64 characters: a-z, 0-9, '.', '_', '-'")
            String clientId,

            @NotNull(message = "is required: ANALYST or ADMIN")
            ClientRole role,

            @NotNull(message = "is required: FREE, PRO or ENTERPRISE")
            Tier tier,

            @Size(max = 200, message = "must be at most 200 characters")
            @Pattern(regexp = DISPLAY_NAME_PATTERN, message = "must not contain control characters")
            @Nullable
            String displayName) {}
}
