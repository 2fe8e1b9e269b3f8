package aero.severity.api.accesslog;

import aero.severity.api.auth.ClientCredentials;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log of the running api in its production format (structured JSON, Elastic Common
 * Schema): one line per request with the route template (never the path's ids), the status, the
 * duration, the body bytes, the token's client and the request id; and the {@code Server-Timing}
 * header on the response.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class AccessLogIT extends FullStackTest {

    @Test
    void everyRequestIsOneStructuredLineWithTheRouteTemplateClientBytesAndRequestId(CapturedOutput output) {
        ClientCredentials credentials = newClient(ClientRole.ANALYST, Tier.PRO);
        String token = tokenFor(credentials);

        Http.Reply event = http().send(
                        http().request("/api/v1/events/20990101X99999", token).header("X-Request-Id", "req-4711"));
        Http.Reply predict = http().postJson("/api/v1/predict", token, Flights.json());

        assertThat(event.status()).isEqualTo(404);
        assertThat(predict.status()).isEqualTo(200);
        String eventLine = line(output, "req-4711");
        assertThat(eventLine)
                .contains("\"/api/v1/events/{evId}\"")
                .doesNotContain("20990101X99999")
                .contains("404")
                .contains(credentials.clientId())
                .contains("\"GET\"");
        String predictLine = output.getOut()
                .lines()
                .filter(l -> l.contains("POST /api/v1/predict 200"))
                .findFirst()
                .orElseThrow();
        assertThat(predictLine)
                .contains(predict.header("X-Request-Id").orElseThrow())
                .contains(credentials.clientId())
                .contains(predict.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
        assertThat(predictLine.strip()).startsWith("{").endsWith("}");
    }

    @Test
    void everyResponseSaysHowLongTheApiTookInServerTiming() {
        Http.Reply reply = http().postJson("/api/v1/predict", token(ClientRole.ANALYST, Tier.PRO), Flights.unique());
        Http.Reply refused = http().get("/api/v1/events", null);

        assertThat(reply.header("Server-Timing"))
                .hasValueSatisfying(v -> assertThat(v).matches("app;dur=\\d+\\.\\d"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Server-Timing")).isPresent();
    }

    private static String line(CapturedOutput output, String requestId) {
        return output.getOut()
                .lines()
                .filter(l -> l.contains(requestId) && l.contains("\"route\":"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no access log line with " + requestId + " in:\n" + output.getOut()));
    }
}
