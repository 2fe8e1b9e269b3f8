package aero.severity.api.database;

import java.time.Duration;

import aero.severity.api.auth.ClientCredentials;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped for real ({@code scripts/services.sh stop postgres}) under a running api:
 * predictions need only the loaded model, the token and Redis, so they keep answering; what needs
 * the database answers 503 problem details quickly instead of hanging or failing with 500; the
 * instance stays in the load balancer (readiness needs only the model: a shared database's outage
 * must not pull every replica at once) and is not restarted (liveness), the database shows DOWN in
 * the {@code dependencies} health group; and the same instance serves data again once it is back.
 */
class PostgresOutageIT extends FullStackTest {

    /** Any time above the pool's connection timeout (5 s) would mean requests hang on a dead database. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(12);

    private static final String[] DATA_ENDPOINTS = {
        "/api/v1/events?state=CO",
        "/api/v1/events/20190714X12345",
        "/api/v1/events/near?lat=39.86&lon=-104.67&radiusKm=25",
        "/api/v1/events/within?bbox=-105.5,39.0,-104.0,40.5",
        "/api/v1/analytics/severity-by-year"
    };

    @AfterAll
    static void postgresRunsAgain() {
        LocalServices.run("start", "postgres");
    }

    @Test
    void withPostgresStoppedPredictionsStillAnswerAndDataEndpointsAre503ThenTheSameInstanceRecovers() {
        ClientCredentials credentials = newClient(ClientRole.ANALYST, Tier.PRO);
        String analyst = tokenFor(credentials);
        assertThat(http().get("/api/v1/events?state=CO", analyst).status()).isEqualTo(200);
        assertThat(management().get("/actuator/health/readiness").status()).isEqualTo(200);
        String loadedAt = http().get("/api/v1/models/current", analyst)
                .json()
                .get("loadedAt")
                .asString();

        LocalServices.run("stop", "postgres");
        try {
            Http.Reply predict = http().postJson("/api/v1/predict", analyst, Flights.unique());
            assertThat(predict.status()).as(predict.toString()).isEqualTo(200);
            assertThat(predict.json().get("probabilities").size()).isEqualTo(4);
            Http.Reply batch = http().postJson("/api/v1/predict/batch", analyst, Flights.batchJson(3));
            assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
            assertThat(http().get("/api/v1/models/current", analyst).status()).isEqualTo(200);

            for (String endpoint : DATA_ENDPOINTS) {
                long started = System.nanoTime();
                Http.Reply reply = http().get(endpoint, analyst);
                assertDatabaseUnavailable(reply, endpoint);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as(endpoint)
                        .isLessThan(ANSWER_WITHIN);
            }
            // issuing a token reads the clients table
            Http.Reply token = http().postJson("/api/v1/auth/token", null, """
                    {"clientId":"%s","clientSecret":"%s"}""".formatted(
                            credentials.clientId(), credentials.clientSecret()));
            assertDatabaseUnavailable(token, "/api/v1/auth/token");

            await(
                    Duration.ofSeconds(30),
                    () -> management().get("/actuator/health/dependencies").status() == 503,
                    "the dependencies group to show the database DOWN");
            Http.Reply dependencies = management().get("/actuator/health/dependencies");
            assertThat(dependencies
                            .json()
                            .get("components")
                            .get("db")
                            .get("status")
                            .asString())
                    .isEqualTo("DOWN");
            Http.Reply readiness = management().get("/actuator/health/readiness");
            assertThat(readiness.status())
                    .as("predictions still answer, so the instance stays ready")
                    .isEqualTo(200);
            assertThat(readiness
                            .json()
                            .get("components")
                            .get("model")
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
            Http.Reply liveness = management().get("/actuator/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
            assertThat(management().get("/actuator/prometheus").body())
                    .containsPattern("severity_api_errors_total\\{[^}]*status=\"503\"[^}]*} [1-9]");
        } finally {
            LocalServices.run("start", "postgres");
        }

        await(
                Duration.ofSeconds(30),
                () -> http().get("/api/v1/events?state=CO", analyst).status() == 200,
                "the event endpoints to answer again");
        await(
                Duration.ofSeconds(30),
                () -> management().get("/actuator/health/dependencies").status() == 200,
                "the database to show UP again");
        for (String endpoint : DATA_ENDPOINTS) {
            Http.Reply reply = http().get(endpoint, analyst);
            assertThat(reply.status()).as(endpoint + " " + reply).isIn(200, 404);
        }
        assertThat(tokenFor(credentials)).isNotBlank();
        assertThat(http().get("/api/v1/models/current", analyst)
                        .json()
                        .get("loadedAt")
                        .asString())
                .as("the same instance, not a restarted one")
                .isEqualTo(loadedAt);
    }

    @Test
    void theOpenApiDocumentDeclaresThe503OfEveryOperationThatNeedsTheDatabase() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");

        for (String path : new String[] {
            "/api/v1/events",
            "/api/v1/events/{evId}",
            "/api/v1/events/near",
            "/api/v1/events/within",
            "/api/v1/analytics/severity-by-year"
        }) {
            assertThat(paths.get(path).get("get").get("responses").get("503").toString())
                    .as(path)
                    .contains("urn:severity:problem:database-unavailable");
        }
        assertThat(paths.get("/api/v1/auth/token")
                        .get("post")
                        .get("responses")
                        .get("503")
                        .toString())
                .contains("urn:severity:problem:database-unavailable");
        assertThat(paths.get("/api/v1/predict")
                        .get("post")
                        .get("responses")
                        .get("503")
                        .toString())
                .as("predictions need the model, not the database")
                .doesNotContain("database-unavailable");
    }

    private static void assertDatabaseUnavailable(Http.Reply reply, String endpoint) {
        assertThat(reply.status()).as(endpoint + " " + reply).isEqualTo(503);
        assertThat(reply.header("Content-Type")).as(endpoint).hasValue("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:severity:problem:database-unavailable");
        assertThat(reply.json().get("instance").asString()).isEqualTo(endpoint.replaceAll("\\?.*", ""));
        assertThat(reply.json().has("requestId")).isTrue();
        assertThat(reply.longHeader("Retry-After")).isPositive();
        assertThat(reply.body())
                .as("no internals in the answer")
                .doesNotContain("jdbc")
                .doesNotContain("Exception")
                .doesNotContain("127.0.0.1");
    }
}
