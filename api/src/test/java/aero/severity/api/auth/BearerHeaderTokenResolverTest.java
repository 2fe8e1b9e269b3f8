package aero.severity.api.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path must answer every Authorization header exactly as Spring Security's resolver does. */
class BearerHeaderTokenResolverTest {

    private final BearerHeaderTokenResolver resolver = new BearerHeaderTokenResolver();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @Test
    void wellFormedBearerHeaderGivesTheToken() {
        assertThat(resolve("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY21lIn0.c2lnbmF0dXJl"))
                .isEqualTo("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY21lIn0.c2lnbmF0dXJl");
        assertThat(resolve("bEARER abc==")).isEqualTo("abc==");
    }

    @Test
    void answersLikeTheDefaultResolverForEdgeCases() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer abc",
                "bearer abc",
                "BEARER a.b.c",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer a=b",
                "Bearer ==",
                "Bearer abc===",
                "Bearer a b",
                "Basic YWJj",
                "Bearerabc",
                "Bearer\tabc",
                "Bearer abc\n",
                "Bearer ab%c",
                "Bearer äbc",
                "Bearer abc\u0000",
                "Token abc",
                "Bear abc",
                "",
                " Bearer abc",
                "Bearer -._~+/",
                "B\u0130arer abc"));
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "aZ09-._~+/= \t%ä\u212aBearer";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(resolver::resolve, header))
                    .as("Authorization: %s", header)
                    .isEqualTo(outcome(reference::resolve, header));
        }
        assertThat(outcome(resolver::resolve, null))
                .isEqualTo(outcome(reference::resolve, null))
                .isEqualTo("null");
    }

    private String resolve(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/predict");
        request.addHeader("Authorization", header);
        return resolver.resolve(request);
    }

    private static String outcome(java.util.function.Function<MockHttpServletRequest, String> resolve, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/predict");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return String.valueOf(resolve.apply(request));
        } catch (OAuth2AuthenticationException e) {
            return "refused: " + e.getError().getErrorCode() + " "
                    + e.getError().getDescription();
        }
    }
}
