package aero.severity.api.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.EventRows;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The switches the deployment sets through the environment (see README, Configuration). */
@TestPropertySource(
        properties = {
            "SEVERITY_FEATURE_PREDICTION_CACHE=false",
            "SEVERITY_FEATURE_BATCH_MAX_SIZE=3",
            "SEVERITY_RATELIMIT_FREE_PER_HOUR=42"
        })
class FeatureFlagsIT extends FullStackTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void withTheCacheSwitchedOffEveryPredictionIsComputed() {
        String token = token(ClientRole.ANALYST, Tier.PRO);
        String flight = Flights.unique();

        http().postJson("/api/v1/predict", token, flight);
        Http.Reply again = http().postJson("/api/v1/predict", token, flight);

        assertThat(again.json().get("cached").asBoolean()).isFalse();
    }

    @Test
    void theBatchSizeLimitIsConfigurable() {
        String token = token(ClientRole.ANALYST, Tier.PRO);

        assertThat(http().postJson("/api/v1/predict/batch", token, Flights.batchJson(3))
                        .status())
                .isEqualTo(200);
        Http.Reply four = http().postJson("/api/v1/predict/batch", token, Flights.batchJson(4));
        assertThat(four.status()).isEqualTo(400);
        assertThat(four.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must hold 1 to 3 flights, got 4");
    }

    @Test
    void tierLimitsComeFromTheEnvironment() {
        Http.Reply reply = http().get("/api/v1/models/current", token(ClientRole.ANALYST, Tier.FREE));

        assertThat(reply.longHeader("RateLimit-Limit")).isEqualTo(42);
    }

    @Test
    void everyResponseCarriesARequestIdThatProblemDetailsRepeat() {
        Http.Reply generated = http().get("/api/v1/models/current");
        Http.Reply given =
                http().send(http().request("/api/v1/models/current", null).header("X-Request-Id", "abc-123"));
        Http.Reply hostile =
                http().send(http().request("/api/v1/models/current", null).header("X-Request-Id", "<script>"));

        assertThat(generated.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
        assertThat(generated.json().get("requestId").asString())
                .isEqualTo(generated.header("X-Request-Id").orElseThrow());
        assertThat(given.header("X-Request-Id")).hasValue("abc-123");
        assertThat(given.json().get("requestId").asString()).isEqualTo("abc-123");
        assertThat(hostile.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).isNotEqualTo("<script>"));
    }

    @Test
    void largeAnswersAreGzippedWhenTheClientAsks() throws Exception {
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .header("Accept-Encoding", "gzip")
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(response.body())).startsWith("{\"openapi\"");
    }

    @Test
    void aGeoJsonPageIsGzippedAndASmallPredictionIsLeftAlone() throws Exception {
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        EventRows rows = new EventRows(jdbc, true);
        for (int i = 0; i < 60; i++) {
            rows.event(
                    String.format("20200101X%05d", i),
                    java.time.LocalDate.of(2020, 1, 1).plusDays(i),
                    "CO",
                    "NONE",
                    39.0 + i / 100.0,
                    -105.0 + i / 100.0);
        }
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<byte[]> page = client.send(
                HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/events/within?bbox=-106,38,-104,40"))
                        .header("Accept-Encoding", "gzip")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> prediction = client.send(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/predict"))
                        .header("Accept-Encoding", "gzip")
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Flights.unique()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/geo+json"));
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String geoJson = gunzip(page.body());
        assertThat(geoJson).contains("\"FeatureCollection\"").contains("20200101X00059");
        assertThat(page.body().length).as("compressed size").isLessThan(geoJson.length() / 3);
        assertThat(prediction.statusCode()).isEqualTo(200);
        assertThat(prediction.headers().firstValue("Content-Encoding"))
                .as("under the 2 KB threshold")
                .isEmpty();
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
