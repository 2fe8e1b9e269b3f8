package aero.severity.api.model;

import java.time.Duration;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.RealModels;
import aero.severity.api.support.RegisteredModelExtension;
import aero.severity.api.support.RegisteredModelExtension.WithoutChampion;
import aero.severity.ml.serving.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Before anything is trained the api still starts: alive, not ready, and clear about why it cannot predict. */
@WithoutChampion
@TestPropertySource(properties = "severity.model.poll-interval=200ms")
class ModelStartupIT extends FullStackTest {

    @Test
    void withoutAChampionTheApiIsAliveButNotReadyAndPredictionsAre503UntilOneIsRegistered() {
        String analyst = token(ClientRole.ANALYST, Tier.FREE);

        Http.Reply predict = http().postJson("/api/v1/predict", analyst, Flights.json());
        assertThat(predict.status()).isEqualTo(503);
        assertThat(predict.json().get("type").asString()).isEqualTo("urn:severity:problem:no-model-loaded");
        assertThat(predict.header("Retry-After")).isPresent();
        assertThat(http().get("/api/v1/models/current", analyst).status()).isEqualTo(503);
        assertThat(management().get("/actuator/health/liveness").status()).isEqualTo(200);
        Http.Reply readiness = management().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("components").get("model").get("status").asString())
                .isEqualTo("OUT_OF_SERVICE");

        RealModels.register(RegisteredModelExtension.registry(), RealModels.champion(), ModelRegistry.CHAMPION);
        await(
                Duration.ofSeconds(10),
                () -> management().get("/actuator/health/readiness").status() == 200,
                "readiness once the champion is loaded");

        assertThat(http().postJson("/api/v1/predict", analyst, Flights.json()).status())
                .isEqualTo(200);
    }
}
