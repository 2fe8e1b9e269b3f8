package aero.severity.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.InMemoryModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The champion is served, a new champion replaces it without a restart or a dropped request, and a
 * registry outage or a broken version never takes the working model away.
 */
@TestPropertySource(properties = "severity.model.poll-interval=200ms")
class ModelServingIT extends FullStackTest {

    @Autowired
    InMemoryModelRegistry registry;

    @Autowired
    ChampionModel champion;

    String analyst;
    String admin;

    @BeforeEach
    void tokens() {
        analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
    }

    @AfterEach
    void registryBack() {
        registry.down(false);
    }

    @Test
    void currentModelNamesTheServingVersion() {
        String version = champion.require().ref().version();

        Http.Reply reply = http().get("/api/v1/models/current", analyst);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("name").asString()).isEqualTo(registry.name());
        assertThat(reply.json().get("version").asString()).isEqualTo(version);
        assertThat(reply.json().get("alias").asString()).isEqualTo("champion");
        assertThat(reply.json().get("loadedAt").asString()).isNotBlank();
    }

    @Test
    void aNewChampionIsPickedUpByThePollerAndServes() {
        registry.promote("poll-" + System.nanoTime());
        String expected = registry.findByAlias("champion").orElseThrow().version();

        await(Duration.ofSeconds(10), () -> expected.equals(currentVersion()), "the poller to load " + expected);

        assertThat(http().postJson("/api/v1/predict", analyst, Flights.unique()).json().get("model").get("version").asString())
                .isEqualTo(expected);
        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern("severity_model_info\\{[^}]*version=\"" + expected + "\"[^}]*} 1");
    }

    @Test
    void swappingUnderLoadDropsNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> versions = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    Http.Reply reply = http().postJson("/api/v1/predict", analyst, Flights.unique());
                    statuses.add(reply.status());
                    if (reply.status() == 200) {
                        versions.add(reply.json().get("model").get("version").asString());
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        for (int i = 0; i < 5; i++) {
            registry.promote("swap-" + i + "-" + System.nanoTime());
            assertThat(http().postJson("/api/v1/models/reload", admin, "").status()).isEqualTo(200);
        }
        running.set(false);
        for (Thread thread : clients) {
            thread.join();
        }

        assertThat(statuses).isNotEmpty().containsOnly(200);
        assertThat(versions).hasSizeGreaterThan(1);
    }

    @Test
    void adminReloadSwapsAtOnceAndSaysWhat() {
        String version = "reload-" + System.nanoTime();
        registry.promote(version);

        Http.Reply reply = http().postJson("/api/v1/models/reload", admin, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("model").get("version").asString()).isEqualTo(version);
        assertThat(reply.json().get("outcome").asString()).isIn("swapped", "unchanged");
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void aVersionThatFailsToLoadLeavesTheLastGoodOneServing() {
        String good = "good-" + System.nanoTime();
        registry.promote(good);
        http().postJson("/api/v1/models/reload", admin, "");

        registry.promoteBroken("broken-" + System.nanoTime());
        Http.Reply reload = http().postJson("/api/v1/models/reload", admin, "");

        assertThat(reload.status()).isEqualTo(503);
        assertThat(reload.json().get("type").asString()).isEqualTo("urn:severity:problem:model-refresh-failed");
        assertThat(reload.json().get("outcome").asString()).isEqualTo("load_failed");
        assertThat(reload.json().get("servingVersion").asString()).isEqualTo(good);
        assertThat(currentVersion()).isEqualTo(good);
        assertThat(http().postJson("/api/v1/predict", analyst, Flights.unique()).status()).isEqualTo(200);
        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern("severity_model_refresh_total\\{[^}]*outcome=\"load_failed\"[^}]*} [1-9]");
    }

    @Test
    void registryOutageKeepsTheModelServingAndReloadSaysSo() {
        String serving = currentVersion();
        registry.down(true);

        Http.Reply reload = http().postJson("/api/v1/models/reload", admin, "");
        Http.Reply predict = http().postJson("/api/v1/predict", analyst, Flights.unique());

        assertThat(reload.status()).isEqualTo(503);
        assertThat(reload.json().get("outcome").asString()).isEqualTo("registry_unavailable");
        assertThat(predict.status()).isEqualTo(200);
        assertThat(predict.json().get("model").get("version").asString()).isEqualTo(serving);
        assertThat(management().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private String currentVersion() {
        return http().get("/api/v1/models/current", analyst).json().get("version").asString();
    }
}
