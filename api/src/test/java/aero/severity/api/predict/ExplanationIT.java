package aero.severity.api.predict;

import java.util.ArrayList;
import java.util.List;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code ?explain=true}: exact contributions per request field, through the real HTTP stack, cache and model. */
class ExplanationIT extends FullStackTest {

    private static final List<String> CLASSES = List.of("FATL", "SERS", "MINR", "NONE");

    String token;

    @BeforeEach
    void analyst() {
        token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
    }

    private JsonNode predict(String query, String flight) {
        Http.Reply reply = http().postJson("/api/v1/predict" + query, token, flight);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void withoutExplainOrWithExplainFalseTheAnswerHasNoExplanation() {
        String flight = Flights.unique();

        assertThat(predict("", flight).has("explanation")).isFalse();
        assertThat(predict("?explain=false", Flights.unique()).has("explanation"))
                .isFalse();
    }

    @Test
    void eachClassesBaseValuePlusItsFieldContributionsIsItsRawScore() {
        JsonNode explanation = predict("?explain=true", Flights.unique()).get("explanation");

        for (String k : CLASSES) {
            JsonNode cls = explanation.get("classes").get(k);
            double sum = cls.get("baseValue").asDouble();
            for (JsonNode entry : cls.get("contributions")) {
                sum += entry.get("contribution").asDouble();
            }
            assertThat(sum).as(k).isCloseTo(cls.get("rawScore").asDouble(), within(1e-9));
        }
    }

    @Test
    void theDefaultListsTheFiveLargestFieldsAndSumsTheRestAsOther() {
        JsonNode contributions = predict("?explain=true", Flights.unique())
                .get("explanation")
                .get("classes")
                .get("FATL")
                .get("contributions");

        assertThat(contributions.size()).isEqualTo(6);
        List<Double> magnitudes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            magnitudes.add(Math.abs(contributions.get(i).get("contribution").asDouble()));
            assertThat(contributions.get(i).get("field").asString()).isNotEqualTo("other");
        }
        assertThat(magnitudes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode other = contributions.get(5);
        assertThat(other.get("field").asString()).isEqualTo("other");
        assertThat(other.get("fields").asInt()).isPositive();
        assertThat(other.has("value")).isFalse();
    }

    @Test
    void explainTopZeroListsEveryRequestFieldOnceWithTheValueItSaw() {
        JsonNode contributions = predict("?explain=true&explainTop=0", Flights.unique())
                .get("explanation")
                .get("classes")
                .get("NONE")
                .get("contributions");

        List<String> fields = new ArrayList<>();
        contributions.forEach(entry -> fields.add(entry.get("field").asString()));
        assertThat(fields)
                .doesNotHaveDuplicates()
                .doesNotContain("other")
                .contains("flightPhase", "eventDate", "localHour", "pilotAge", "make", "aircraftYear");
        JsonNode phase = entry(contributions, "flightPhase");
        assertThat(phase.get("value").asString()).isEqualTo("TAKEOFF");
        assertThat(phase.get("missing").asBoolean()).isFalse();
        assertThat(entry(contributions, "eventDate").get("value").asString()).isEqualTo("2019-07-14");
        assertThat(entry(contributions, "pilotAge").get("value").asString()).isEqualTo("54");
    }

    @Test
    void aFieldLeftOutIsNamedAsMissing() {
        JsonNode contributions = predict(
                        "?explain=true&explainTop=0",
                        "{\"eventDate\":\"2021-03-02\",\"pilotAge\":" + (20 + (int) (Math.random() * 70)) + "}")
                .get("explanation")
                .get("classes")
                .get("FATL")
                .get("contributions");

        JsonNode phase = entry(contributions, "flightPhase");
        assertThat(phase.get("missing").asBoolean()).isTrue();
        assertThat(phase.has("value")).isFalse();
        assertThat(entry(contributions, "pilotAge").get("missing").asBoolean()).isFalse();
    }

    @Test
    void explainTopTwoListsTwoFieldsAndTheRestAsOther() {
        JsonNode classes = predict("?explain=true&explainTop=2", Flights.unique())
                .get("explanation")
                .get("classes");

        for (String k : CLASSES) {
            JsonNode contributions = classes.get(k).get("contributions");
            assertThat(contributions.size()).isEqualTo(3);
            assertThat(contributions.get(2).get("field").asString()).isEqualTo("other");
        }
    }

    @Test
    void theStatedTemperatureAndBiasTurnTheRawScoresIntoTheProbabilities() {
        JsonNode answer = predict("?explain=true", Flights.unique());
        JsonNode explanation = answer.get("explanation");
        JsonNode calibration = explanation.get("calibration");
        double temperature = calibration.get("temperature").asDouble();

        double[] logits = new double[4];
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            String name = CLASSES.get(k);
            logits[k] = explanation.get("classes").get(name).get("rawScore").asDouble() / temperature
                    + calibration.get("bias").get(name).asDouble();
            assertThat(calibration.get("logits").get(name).asDouble()).isCloseTo(logits[k], within(1e-9));
            sum += Math.exp(logits[k]);
        }
        for (int k = 0; k < 4; k++) {
            assertThat(Math.exp(logits[k]) / sum)
                    .as(CLASSES.get(k))
                    .isCloseTo(answer.get("probabilities").get(CLASSES.get(k)).asDouble(), within(1e-6));
        }
        String decided = answer.get("severity").asString();
        assertThat(Math.exp(logits[CLASSES.indexOf(decided)]) / sum)
                .isCloseTo(answer.get("confidence").asDouble(), within(1e-6));
    }

    @Test
    void anExplainedPredictionAskedAgainComesFromTheCacheWithTheSameExplanation() {
        String flight = Flights.unique();

        JsonNode first = predict("?explain=true&explainTop=3", flight);
        JsonNode fromRedis = predict("?explain=true&explainTop=3", flight);
        JsonNode fromNearCache = predict("?explain=true&explainTop=3", flight);

        assertThat(first.get("cached").asBoolean()).isFalse();
        assertThat(fromRedis.get("cached").asBoolean()).isTrue();
        assertThat(fromRedis.get("explanation")).isEqualTo(first.get("explanation"));
        assertThat(fromNearCache.get("cached").asBoolean()).isTrue();
        assertThat(fromNearCache.get("explanation")).isEqualTo(first.get("explanation"));
        assertThat(fromRedis.get("probabilities")).isEqualTo(first.get("probabilities"));
    }

    @Test
    void plainAndExplainedAnswersAndDifferentTopsAreCachedApart() {
        String flight = Flights.unique();
        predict("", flight);

        JsonNode explained = predict("?explain=true", flight);
        JsonNode otherTop = predict("?explain=true&explainTop=1", flight);
        JsonNode plainAgain = predict("", flight);

        assertThat(explained.get("cached").asBoolean()).isFalse();
        assertThat(explained.has("explanation")).isTrue();
        assertThat(otherTop.get("cached").asBoolean()).isFalse();
        assertThat(otherTop.get("explanation")
                        .get("classes")
                        .get("FATL")
                        .get("contributions")
                        .size())
                .isEqualTo(2);
        assertThat(plainAgain.get("cached").asBoolean()).isTrue();
        assertThat(plainAgain.has("explanation")).isFalse();
        assertThat(explained.get("probabilities")).isEqualTo(plainAgain.get("probabilities"));
    }

    @Test
    void aBatchExplainsEveryFlightAndMatchesSingleExplanations() {
        String second = Flights.unique();
        Http.Reply batch = http().postJson("/api/v1/predict/batch?explain=true&explainTop=4", token, """
                {"flights":[%s,%s,{"eventDate":"2003-11-20","state":"AK","aircraftCategory":"HELI"}]}""".formatted(
                        Flights.unique(), second));

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode predictions = batch.json().get("predictions");
        assertThat(predictions.size()).isEqualTo(3);
        predictions.forEach(p -> assertThat(p.get("explanation")
                        .get("classes")
                        .get("SERS")
                        .get("contributions")
                        .size())
                .isEqualTo(5));
        JsonNode single = predict("?explain=true&explainTop=4", second);
        assertThat(single.get("cached").asBoolean())
                .as("the batch filled the cache")
                .isTrue();
        assertThat(single.get("explanation")).isEqualTo(predictions.get(1).get("explanation"));
    }

    @Test
    void explainOtherThanTrueOrFalseIsA400NamingTheParameter() {
        for (String value : List.of("maybe", "1", "yes", "TRUE")) {
            assertProblem("/api/v1/predict?explain=" + value, "explain");
        }
        assertProblem("/api/v1/predict/batch?explain=on", "explain");
    }

    @Test
    void explainTopNegativeOrNotANumberIsA400NamingTheParameter() {
        for (String value : List.of("-1", "abc", "2.5", "99999999999")) {
            assertProblem("/api/v1/predict?explain=true&explainTop=" + value, "explainTop");
            assertProblem("/api/v1/predict/batch?explain=true&explainTop=" + value, "explainTop");
        }
    }

    private void assertProblem(String path, String parameter) {
        String body = path.contains("batch") ? "{\"flights\":[" + Flights.json() + "]}" : Flights.json();
        Http.Reply reply = http().postJson(path, token, body);

        assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(400);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = reply.json();
        assertThat(problem.get("errors").get(0).get("field").asString())
                .as(path)
                .isEqualTo(parameter);
    }

    private static JsonNode entry(JsonNode contributions, String field) {
        for (JsonNode entry : contributions) {
            if (entry.get("field").asString().equals(field)) {
                return entry;
            }
        }
        throw new AssertionError("no contribution of " + field + " in " + contributions);
    }
}
