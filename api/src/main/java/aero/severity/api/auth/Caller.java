package aero.severity.api.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated client of a request, as its token states it (no database lookup). */
public record Caller(String clientId, ClientRole role, Tier tier) {

    /** The request attribute that holds the client id once the request is authenticated (the access log reads it). */
    public static final String REQUEST_ATTRIBUTE = "aero.severity.api.clientId";

    static final String ROLE_CLAIM = "role";
    static final String TIER_CLAIM = "tier";

    /** The caller behind an authentication made by this api's token decoder. */
    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("not authenticated with a bearer token: "
                    + authentication.getClass().getName());
        }
        Jwt jwt = token.getToken();
        // the decoder has already checked that both claims are present and valid
        return new Caller(
                jwt.getSubject(),
                ClientRole.valueOf(jwt.getClaimAsString(ROLE_CLAIM)),
                Tier.valueOf(jwt.getClaimAsString(TIER_CLAIM)));
    }
}
