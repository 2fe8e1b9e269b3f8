package aero.severity.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import aero.severity.api.auth.ClientCredentials;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Clients;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.EventRows;
import aero.severity.api.support.Flights;
import aero.severity.api.support.Http;
import aero.severity.api.support.RealModels;
import aero.severity.ml.registry.LocalModelRegistry;
import aero.severity.ml.serving.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The embedded default needs nothing outside the process: an H2GIS file database (migrated by
 * Flyway), ml's local model folder holding a model ml trained, a generated JWT key, the in-process
 * limiter and cache. A unit test for that reason.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "severity.model.name=accident-severity"})
@ActiveProfiles("embedded")
@DirtiesContext
class EmbeddedDefaultTest {

    static final Path DATA = temporaryFolder();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Clients clients;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("severity.embedded.data-dir", DATA::toString);
    }

    @Test
    void predictsWithTheLocalCacheAndLimiterOnAFileDatabase() {
        String token = token(Tier.FREE);
        Http api = Http.on(port);
        String flight = Flights.unique();

        Http.Reply first = api.postJson("/api/v1/predict", token, flight);
        Http.Reply second = api.postJson("/api/v1/predict", token, flight);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("cached").asBoolean()).isFalse();
        assertThat(first.json().get("model").get("name").asString()).isEqualTo("accident-severity");
        assertThat(first.json().get("model").get("runId").isNull())
                .as("no tracking server in the embedded default")
                .isTrue();
        assertThat(second.json().get("cached").asBoolean()).isTrue();
        assertThat(second.longHeader("RateLimit-Limit")).isEqualTo(100);
        assertThat(second.longHeader("RateLimit-Remaining")).isEqualTo(98);
        assertThat(Files.exists(DATA.resolve("severity.mv.db")))
                .as("the H2 file database")
                .isTrue();
    }

    @Test
    void spatialQueriesWorkOnH2gis() {
        new EventRows(jdbc, false)
                .event("20100101X00001", LocalDate.of(2010, 1, 1), "CA", "FATL", 37.6213, -122.3790)
                .event("20110202X00002", LocalDate.of(2011, 2, 2), "CA", "NONE", 37.7126, -122.2210)
                .event("20090505X00005", LocalDate.of(2009, 5, 5), "AK", "MINR", 52.0, 179.5)
                .event("20090606X00006", LocalDate.of(2009, 6, 6), "AK", "NONE", 52.5, -179.5)
                .aircraft("20100101X00001", 1, "CESSNA", "172S", 571);
        String token = token(Tier.ENTERPRISE);
        Http api = Http.on(port);

        JsonNode near = api.get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=20", token)
                .json();
        JsonNode tight = api.get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=17", token)
                .json();
        JsonNode antimeridian = api.get("/api/v1/events/near?lat=52.2&lon=179.9&radiusKm=100", token)
                .json();
        JsonNode box =
                api.get("/api/v1/events/within?bbox=179,51,-179,53", token).json();
        JsonNode event = api.get("/api/v1/events/20100101X00001", token).json();
        JsonNode byYear = api.get("/api/v1/analytics/severity-by-year", token).json();

        assertThat(near.get("events").size()).isEqualTo(2);
        // haversine on a sphere: within 0.5 % of the ellipsoidal 17.23 km
        assertThat(near.get("events").get(1).get("distanceKm").asDouble()).isCloseTo(17.23, within(0.09));
        assertThat(tight.get("events").size()).isEqualTo(1);
        assertThat(antimeridian.get("events").size()).isEqualTo(2);
        assertThat(box.get("numberReturned").asInt()).isEqualTo(2);
        assertThat(event.get("aircraft").get(0).get("phaseOfFlight").asString()).isEqualTo("LANDING");
        assertThat(byYear.get("groups").size()).isEqualTo(3);
    }

    @Test
    void aliveAndReadyWithoutAnyOutsideServer() {
        Http management = Http.on(managementPort);

        assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        Http.Reply readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("model").get("status").asString())
                .isEqualTo("UP");
        Http.Reply dependencies = management.get("/actuator/health/dependencies");
        assertThat(dependencies.json().get("components").get("db").get("status").asString())
                .as("the embedded H2")
                .isEqualTo("UP");
    }

    private String token(Tier tier) {
        ClientCredentials client = clients.create("embedded-" + System.nanoTime(), ClientRole.ANALYST, tier, null);
        Http.Reply reply = Http.on(port)
                .postJson(
                        "/api/v1/auth/token",
                        null,
                        "{\"clientId\":\"%s\",\"clientSecret\":\"%s\"}"
                                .formatted(client.clientId(), client.clientSecret()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("access_token").asString();
    }

    /** A data folder whose local registry already has a champion, as the demo leaves it after training. */
    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("severity-embedded");
            folder.toFile().deleteOnExit();
            RealModels.register(
                    new LocalModelRegistry(folder.resolve("models"), "accident-severity"),
                    RealModels.champion(),
                    ModelRegistry.CHAMPION);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
