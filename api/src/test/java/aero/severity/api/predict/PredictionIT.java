package aero.severity.api.predict;

import java.util.List;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.RegisteredModelExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Predictions end to end: token, validation, encoding, the model, the Redis cache, the answer. */
class PredictionIT extends FullStackTest {

    String token;

    @BeforeEach
    void analyst() {
        token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
    }

    @Test
    void predictAnswersSeverityProbabilitiesConfidenceAndModel() {
        Http.Reply reply = http().postJson("/api/v1/predict", token, Flights.unique());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        JsonNode p = body.get("probabilities");
        assertThat(List.of("FATL", "SERS", "MINR", "NONE"))
                .allSatisfy(k -> assertThat(p.get(k).asDouble()).isBetween(0.0, 1.0));
        assertThat(p.get("FATL").asDouble()
                        + p.get("SERS").asDouble()
                        + p.get("MINR").asDouble()
                        + p.get("NONE").asDouble())
                .isCloseTo(1.0, within(1e-9));
        String severity = body.get("severity").asString();
        assertThat(severity).isIn("FATL", "SERS", "MINR", "NONE");
        assertThat(body.get("confidence").asDouble()).isEqualTo(p.get(severity).asDouble());
        assertThat(body.get("model").get("name").asString()).isEqualTo(RegisteredModelExtension.modelName());
        assertThat(body.get("model").get("version").asString()).isEqualTo("1");
        assertThat(body.get("model").get("runId").asString())
                .isEqualTo(RegisteredModelExtension.firstChampion().runId());
        assertThat(body.get("cached").asBoolean()).isFalse();
    }

    @Test
    void onlyTheEventDateIsRequired() {
        Http.Reply reply = http().postJson("/api/v1/predict", token, "{\"eventDate\":\"2021-03-02\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void repeatingAPredictionIsAnsweredFromTheCacheWithTheSameNumbers() {
        String flight = Flights.unique();

        JsonNode first = http().postJson("/api/v1/predict", token, flight).json();
        JsonNode second = http().postJson("/api/v1/predict", token, flight).json();

        assertThat(first.get("cached").asBoolean()).isFalse();
        assertThat(second.get("cached").asBoolean()).isTrue();
        assertThat(second.get("probabilities")).isEqualTo(first.get("probabilities"));
        assertThat(second.get("severity")).isEqualTo(first.get("severity"));
    }

    @Test
    void factsThatEncodeTheSameShareACacheEntry() {
        // field order and an unseen make (encoded as OTHER either way) do not change what the model sees
        double hours = 100 + Math.random() * 5000;
        String one = "{\"eventDate\":\"2018-05-01\",\"make\":\"Zlin Aviation\",\"pilotTotalHours\":" + hours + "}";
        String other = "{\"pilotTotalHours\":" + hours + ",\"make\":\"Grob\",\"eventDate\":\"2018-05-01\"}";

        JsonNode first = http().postJson("/api/v1/predict", token, one).json();
        JsonNode second = http().postJson("/api/v1/predict", token, other).json();

        assertThat(first.get("cached").asBoolean()).isFalse();
        assertThat(second.get("cached").asBoolean()).isTrue();
    }

    @Test
    void batchAnswersEveryFlightInOrderAndMatchesSinglePredictions() {
        String second = Flights.unique();
        Http.Reply batch = http().postJson("/api/v1/predict/batch", token, """
                {"flights":[%s,%s,{"eventDate":"2003-11-20","state":"AK","aircraftCategory":"HELI"}]}""".formatted(Flights.unique(), second));

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode predictions = batch.json().get("predictions");
        assertThat(predictions.size()).isEqualTo(3);
        assertThat(predictions.get(1).get("cached").asBoolean()).isFalse();
        JsonNode single = http().postJson("/api/v1/predict", token, second).json();
        assertThat(predictions.get(1).get("probabilities")).isEqualTo(single.get("probabilities"));
        assertThat(single.get("cached").asBoolean())
                .as("the batch filled the cache")
                .isTrue();
    }

    @Test
    void batchOfAHundredIsAccepted() {
        Http.Reply reply = http().postJson("/api/v1/predict/batch", token, Flights.batchJson(100));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("predictions").size()).isEqualTo(100);
    }

    @Test
    void predictionsAreCountedBySeverityWithConfidenceAndInferenceTime() {
        http().postJson("/api/v1/predict", token, Flights.json(52));

        String metrics = management().get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("severity_predictions_total\\{[^}]*severity=\"(FATL|SERS|MINR|NONE)\"[^}]*} [1-9]");
        assertThat(metrics).contains("severity_prediction_confidence_bucket{");
        assertThat(metrics).contains("severity_model_inference_seconds_bucket{");
        assertThat(metrics).containsPattern("severity_cache_requests_total\\{[^}]*result=\"miss\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("severity_model_info\\{[^}]*version=\"1\"[^}]*} 1");
    }
}
