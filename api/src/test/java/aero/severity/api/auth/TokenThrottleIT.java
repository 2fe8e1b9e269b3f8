package aero.severity.api.auth;

import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing secrets costs BCrypt time per guess; an address gets a bounded number of tries. */
@TestPropertySource(properties = "severity.security.token-requests.per-minute=5")
class TokenThrottleIT extends FullStackTest {

    @Test
    void anAddressThatKeepsAskingForTokensGets429WithRetryAfter() {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.FREE);
        for (int i = 0; i < 5; i++) {
            assertThat(request(client.clientId(), "wrong-" + i).status()).isEqualTo(401);
        }

        Http.Reply throttled = request(client.clientId(), client.clientSecret());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("type").asString()).isEqualTo("urn:severity:problem:rate-limited");
        assertThat(throttled.longHeader("Retry-After")).isBetween(1L, 13L);
    }

    private Http.Reply request(String id, String secret) {
        return http().postJson(
                        "/api/v1/auth/token",
                        null,
                        "{\"clientId\":\"%s\",\"clientSecret\":\"%s\"}".formatted(id, secret));
    }
}
