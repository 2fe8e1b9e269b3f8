package aero.severity.api.predict;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.Flow;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every client mistake is a 4xx problem detail that names the field; none is a 500. */
class PredictionValidationIT extends FullStackTest {

    String token;

    @BeforeEach
    void analyst() {
        token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
    }

    @Test
    void outOfRangeValueNamesTheFieldAndItsRange() {
        JsonNode problem = expect(400, Flights.json(5));

        assertThat(problem.get("type").asString()).isEqualTo("urn:severity:problem:validation-error");
        assertThat(errors(problem)).containsExactly("pilotAge: must be 12-100 years");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/predict");
    }

    @Test
    void theAircraftAndAirportFieldsAreCheckedAndNamed() {
        JsonNode problem = expect(400, """
                {"eventDate":"2019-07-14","registrationNumber":"N 12","nearestAirportId":"DENVER","airportDistanceMiles":501,
                 "aircraftModel":"%s"}""".formatted("7".repeat(21)));

        assertThat(errors(problem))
                .containsExactlyInAnyOrder(
                        "registrationNumber: must be a registration mark of 1-11 letters, digits or hyphens (N123AB, C-GABC, ...)",
                        "nearestAirportId: must be an airport identifier of 1-4 letters or digits (DEN, KDEN, PVT for a private strip, NONE)",
                        "airportDistanceMiles: must be 0-500 statute miles",
                        "aircraftModel: must be at most 20 characters");
    }

    @Test
    void everyInvalidFieldIsListed() {
        JsonNode problem = expect(400, """
                {"eventDate":"2019-07-14","localHour":24,"windSpeedKts":-1,"engineCount":9}""");

        assertThat(errors(problem))
                .containsExactlyInAnyOrder(
                        "localHour: must be an hour 0-23",
                        "windSpeedKts: must be 0-150 knots",
                        "engineCount: must be 0-8 engines");
    }

    @Test
    void unknownCodeNamesTheFieldAndTheAllowedCodes() {
        JsonNode problem = expect(400, "{\"eventDate\":\"2019-07-14\",\"lightCondition\":\"DARK\"}");

        assertThat(errors(problem))
                .containsExactly(
                        "lightCondition: 'DARK' is not a known LightCondition code; allowed: DAWN, DAYL, DUSK, NBRT, NDRK, NITE");
    }

    @Test
    void enumNameInsteadOfNtsbCodeIsRefused() {
        // FAR part 91 is the NTSB code "091", not the Java name
        JsonNode problem = expect(400, "{\"eventDate\":\"2019-07-14\",\"farPart\":\"PART_91\"}");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("farPart");
    }

    @Test
    void wrongTypeNamesTheField() {
        assertThat(errors(expect(400, "{\"eventDate\":\"2019-07-14\",\"pilotAge\":\"old\"}")))
                .containsExactly("pilotAge: 'old' must be a whole number");
        assertThat(errors(expect(400, "{\"eventDate\":\"2019-07-14\",\"amateurBuilt\":\"maybe\"}")))
                .singleElement()
                .asString()
                .startsWith("amateurBuilt:");
        assertThat(errors(expect(400, "{\"eventDate\":\"2019-07-14\",\"make\":{\"name\":\"Cessna\"}}")))
                .singleElement()
                .asString()
                .startsWith("make:");
    }

    @Test
    void fractionalNumberForAWholeNumberFieldIsRefusedNotTruncated() {
        assertThat(expect(400, "{\"eventDate\":\"2019-07-14\",\"pilotAge\":35.5}")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("pilotAge");
    }

    @Test
    void impossibleDateNamesEventDate() {
        assertThat(errors(expect(400, "{\"eventDate\":\"2019-13-45\"}")))
                .containsExactly("eventDate: '2019-13-45' must be a date in the form yyyy-mm-dd");
        assertThat(errors(expect(400, "{\"eventDate\":\"1955-06-01\"}")))
                .containsExactly("eventDate: must be a date between 1962 and 2100");
    }

    @Test
    void missingEventDateIsNamed() {
        assertThat(errors(expect(400, "{\"pilotAge\":40}"))).containsExactly("eventDate: is required");
    }

    @Test
    void crossFieldRulesNameTheFieldToFix() {
        assertThat(errors(expect(400, "{\"eventDate\":\"2019-07-14\",\"latitude\":39.5}")))
                .containsExactly("latitude: latitude and longitude must be given together");
        assertThat(errors(expect(
                        400, "{\"eventDate\":\"2019-07-14\",\"pilotTotalHours\":100,\"pilotMakeModelHours\":200}")))
                .containsExactly("pilotMakeModelHours: pilotMakeModelHours must not exceed pilotTotalHours");
    }

    @Test
    void misspeltFieldIsRefusedAndNamed() {
        JsonNode problem = expect(400, "{\"eventDate\":\"2019-07-14\",\"pilotAgee\":40}");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("pilotAgee");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .contains("is not a field")
                .contains("pilotAge");
    }

    @Test
    void malformedJsonSaysWhere() {
        JsonNode problem = expect(400, "{\"eventDate\":\"2019-07-14\",");

        assertThat(problem.get("type").asString()).isEqualTo("urn:severity:problem:malformed-request");
        assertThat(problem.get("detail").asString()).contains("not valid JSON");
        assertThat(expect(400, "eventDate=2019").get("type").asString())
                .isEqualTo("urn:severity:problem:malformed-request");
        assertThat(expect(400, "[1,2]").get("status").asInt()).isEqualTo(400);
        assertThat(expect(400, "null").get("status").asInt()).isEqualTo(400);
    }

    @Test
    void emptyBodyIsA400() {
        JsonNode problem = expect(400, "");

        assertThat(problem.get("detail").asString()).isEqualTo("the request body is required");
    }

    @Test
    void batchItemErrorsNameTheItem() {
        Http.Reply reply = http().postJson("/api/v1/predict/batch", token, """
                {"flights":[%s,{"eventDate":"2019-07-14","pilotAge":3},null]}""".formatted(Flights.json()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply.json()))
                .containsExactlyInAnyOrder("flights[1].pilotAge: must be 12-100 years", "flights[2]: must not be null");
    }

    @Test
    void batchTypeErrorsNameTheItem() {
        Http.Reply reply = http().postJson("/api/v1/predict/batch", token, """
                {"flights":[%s,{"eventDate":"2019-07-14","state":"ZZ"}]}""".formatted(Flights.json()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("flights[1].state");
    }

    @Test
    void batchOverAHundredOrEmptyIsRefused() {
        Http.Reply tooMany = http().postJson("/api/v1/predict/batch", token, Flights.batchJson(101));
        Http.Reply empty = http().postJson("/api/v1/predict/batch", token, "{\"flights\":[]}");
        Http.Reply missing = http().postJson("/api/v1/predict/batch", token, "{}");

        assertThat(errors(tooMany.json())).containsExactly("flights: must hold 1 to 100 flights, got 101");
        assertThat(errors(empty.json())).containsExactly("flights: must hold at least one flight");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("flights");
    }

    @Test
    void bodyOverTheLimitIsA413WhetherDeclaredOrStreamed() {
        String huge = "{\"eventDate\":\"2019-07-14\",\"make\":\"" + "x".repeat(300 * 1024) + "\"}";

        Http.Reply declared = http().postJson("/api/v1/predict", token, huge);
        Http.Reply chunked = http().send(http().request("/api/v1/predict", token)
                .header("Content-Type", "application/json")
                .POST(unknownLength(huge)));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("type").asString()).isEqualTo("urn:severity:problem:payload-too-large");
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
    }

    @Test
    void wrongMediaTypeAndMethodAreClientErrors() {
        Http.Reply text = http().post("/api/v1/predict", token, "text/plain", Flights.json());
        Http.Reply get = http().get("/api/v1/predict", token);
        Http.Reply nowhere = http().get("/api/v1/nowhere", token);

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.header("Content-Type")).hasValue("application/problem+json");
        assertThat(get.status()).isEqualTo(405);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.header("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void rejectedRequestsAreCountedByExceptionAndStatus() {
        expect(400, Flights.json(5));

        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern(
                        "severity_api_errors_total\\{[^}]*exception=\"MethodArgumentNotValidException\"[^}]*status=\"400\"[^}]*} [1-9]");
    }

    private JsonNode expect(int status, String body) {
        Http.Reply reply = http().postJson("/api/v1/predict", token, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValue("application/problem+json");
        return reply.json();
    }

    private static List<String> errors(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString() + ": " + e.get("message").asString())
                .toList();
    }

    /** A body without Content-Length: sent chunked, so only counting while reading can stop it. */
    private static HttpRequest.BodyPublisher unknownLength(String body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
