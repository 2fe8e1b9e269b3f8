package aero.severity.api.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.RealModels;
import aero.severity.api.support.RegisteredModelExtension;
import aero.severity.ml.serving.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The challenger scores live traffic in the shadow: counted, never answered. */
@TestPropertySource(properties = {"SEVERITY_FEATURE_SHADOW_CHALLENGER=true", "severity.model.poll-interval=200ms"})
class ShadowChallengerIT extends FullStackTest {

    @Test
    void theChallengerScoresComputedPredictionsButTheChampionAnswers() {
        RealModels.register(RegisteredModelExtension.registry(), RealModels.other(), ModelRegistry.CHALLENGER);
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        await(
                Duration.ofSeconds(10),
                () -> {
                    http().postJson("/api/v1/predict", token, Flights.unique());
                    return shadowTotal() > 0;
                },
                "the challenger to score a request");

        double before = shadowTotal();
        Http.Reply reply = http().postJson("/api/v1/predict", token, Flights.unique());
        Http.Reply batch = http().postJson(
                        "/api/v1/predict/batch",
                        token,
                        "{\"flights\":[" + Flights.unique() + "," + Flights.unique() + "]}");

        assertThat(reply.json().get("model").get("version").asString()).isEqualTo("1");
        assertThat(batch.json()
                        .get("predictions")
                        .get(1)
                        .get("model")
                        .get("version")
                        .asString())
                .isEqualTo("1");
        await(Duration.ofSeconds(10), () -> shadowTotal() >= before + 3, "three more shadow comparisons");
    }

    private double shadowTotal() {
        String body = management().get("/actuator/prometheus").body();
        Matcher matcher = Pattern.compile(
                        "(?m)^severity_shadow_predictions_total\\{[^}]*outcome=\"(agree|disagree)\"[^}]*} (\\S+)$")
                .matcher(body);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(2));
        }
        return total;
    }
}
