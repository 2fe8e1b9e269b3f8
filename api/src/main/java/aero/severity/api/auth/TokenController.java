package aero.severity.api.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token}: the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4),
 * form-encoded with the credentials in HTTP Basic or in the form, or as JSON for convenience.
 * Behind a proxy, set {@code server.forward-headers-strategy} so that the per-address throttle sees
 * the client's address, not the proxy's.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Access tokens for registered clients")
@SecurityRequirements
class TokenController {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    private final Clients clients;
    private final TokenIssuer issuer;
    private final TokenThrottle throttle;
    private final Clock clock;

    TokenController(Clients clients, TokenIssuer issuer, TokenThrottle throttle, Clock clock) {
        this.clients = clients;
        this.issuer = issuer;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Operation(
            summary = "Exchange client credentials for an access token (form, RFC 6749)",
            description = "grant_type=client_credentials; credentials in an HTTP Basic header or as client_id and"
                    + " client_secret form fields. The token is valid for 15 minutes.")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> tokenFromForm(
            @RequestParam("grant_type") String grantType,
            @RequestParam(name = "client_id", required = false) @Nullable String clientId,
            @RequestParam(name = "client_secret", required = false) @Nullable String clientSecret,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        throttle.attempt(request.getRemoteAddr());
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw new TokenRequestException(
                    "unsupported_grant_type",
                    "grant_type",
                    "only client_credentials is supported, got '" + grantType + "'");
        }
        String[] basic = authorization == null ? null : basicCredentials(authorization);
        if (basic != null && (clientId != null || clientSecret != null)) {
            throw new TokenRequestException(
                    "invalid_request",
                    "client_id",
                    "send the credentials either in the Authorization header or in the form, not both");
        }
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        if (id == null || secret == null) {
            throw new InvalidClientException();
        }
        return issue(id, secret);
    }

    @Operation(summary = "Exchange client credentials for an access token (JSON)")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> tokenFromJson(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        throttle.attempt(http.getRemoteAddr());
        if (request.grantType() != null && !CLIENT_CREDENTIALS.equals(request.grantType())) {
            throw new TokenRequestException(
                    "unsupported_grant_type",
                    "grantType",
                    "only client_credentials is supported, got '" + request.grantType() + "'");
        }
        return issue(request.clientId(), request.clientSecret());
    }

    private ResponseEntity<TokenResponse> issue(String clientId, String secret) {
        IssuedToken token = issuer.issue(clients.authenticate(clientId, secret));
        long expiresIn =
                Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
        // RFC 6749 5.1: token responses must not be cached
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(new TokenResponse(token.value(), "Bearer", expiresIn));
    }

    /** RFC 6749 2.3.1: id and secret are form-urlencoded, then joined by ':' and base64-encoded. */
    private static String @Nullable [] basicCredentials(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidClientException();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new InvalidClientException();
        }
        return new String[] {
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
    }

    record TokenRequest(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            String clientId,

            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String clientSecret,

            @Nullable String grantType) {

        @Override
        public String toString() {
            return "TokenRequest[clientId=" + clientId + "]";
        }
    }

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}
}
