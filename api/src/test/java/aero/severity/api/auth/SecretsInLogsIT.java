package aero.severity.api.auth;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import aero.severity.api.SeverityApiApplication;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the api logs, at DEBUG for our code, Spring Security and Spring MVC, never holds a client
 * secret, an access token, a Basic credential or the JWT signing secret: not while tokens are
 * issued, used, forged or refused, secrets reset, nor at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "logging.level.aero.severity=DEBUG",
            "logging.level.org.springframework.security=DEBUG",
            "logging.level.org.springframework.web=DEBUG"
        })
class SecretsInLogsIT extends FullStackTest {

    @Test
    void noSecretOrTokenEverReachesTheLogs(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        String admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
        secrets.add(admin);

        Http.Reply created = http().postJson(
                        "/api/v1/admin/clients",
                        admin,
                        "{\"clientId\":\"logged-%d\",\"role\":\"ANALYST\",\"tier\":\"PRO\"}"
                                .formatted(System.nanoTime()));
        assertThat(created.status()).isEqualTo(201);
        String clientId = created.json().get("clientId").asString();
        String secret = created.json().get("clientSecret").asString();
        secrets.add(secret);

        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        secrets.add(basic);
        Http.Reply viaBasic = http().send(http().request("/api/v1/auth/token", null)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        Http.Reply viaForm = http().post(
                        "/api/v1/auth/token",
                        null,
                        "application/x-www-form-urlencoded",
                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
        String wrongSecret = secret.substring(0, secret.length() - 4) + "WRNG";
        secrets.add(wrongSecret);
        Http.Reply refused = http().postJson(
                        "/api/v1/auth/token",
                        null,
                        "{\"clientId\":\"%s\",\"clientSecret\":\"%s\"}".formatted(clientId, wrongSecret));
        assertThat(viaBasic.status()).isEqualTo(200);
        assertThat(viaForm.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        String token = viaBasic.json().get("access_token").asString();
        secrets.add(token);
        secrets.add(viaForm.json().get("access_token").asString());

        assertThat(http().postJson("/api/v1/predict", token, Flights.json()).status())
                .isEqualTo(200);
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        secrets.add(forged);
        assertThat(http().get("/api/v1/events?state=ZZ", forged).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/events?state=ZZ", token).status()).isEqualTo(400);
        Http.Reply reset = http().postJson("/api/v1/admin/clients/" + clientId + "/secret", admin, "");
        assertThat(reset.status()).isEqualTo(200);
        secrets.add(reset.json().get("clientSecret").asString());

        String logs = output.getAll();
        // the capture saw these requests at DEBUG, so an absence below means something
        assertThat(logs).contains("/api/v1/auth/token").contains("/api/v1/predict");
        secrets.add(JWT_SECRET);
        for (String value : secrets) {
            assertThat(logs).as("a secret or token in the logs").doesNotContain(value);
            String signature = value.contains(".") ? value.substring(value.lastIndexOf('.') + 1) : value;
            assertThat(logs).doesNotContain(signature);
        }
    }

    @Test
    void startingTheApiDoesNotLogTheSigningSecret(CapturedOutput output) {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SeverityApiApplication.class)
                .run(sameApiArguments("--logging.level.aero.severity=DEBUG", "--severity.model.poll-interval=1h"))) {
            assertThat(second.isRunning()).isTrue();
        }

        String logs = output.getAll();
        assertThat(logs).as("the capture saw the second instance start").contains("Tomcat started on port");
        assertThat(logs).doesNotContain(JWT_SECRET);
    }
}
