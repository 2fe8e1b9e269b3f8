package aero.severity.api.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.LocalServices;
import aero.severity.api.support.MonitoringStack;
import aero.severity.api.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every panel query of {@code grafana/dashboards/*.json}, run by a real Prometheus against live
 * series: it scrapes this api (real PostgreSQL, Redis, MLflow) after a short load over every
 * endpoint, and the real PostgreSQL, Redis and node exporters ({@code scripts/services.sh}). Each
 * query must be accepted and return data as an instant and as a range query, the way Grafana sends
 * them ({@code $instance} = All, {@code $__rate_interval} = 1m), unless it is listed in
 * {@link #MAY_BE_EMPTY} with the reason it is empty on a healthy, quiet system.
 */
@TestPropertySource(properties = "severity.model-health.input-drift.refresh-interval=1s")
class DashboardsLiveIT extends FullStackTest {

    /** dashboard file / panel title -> why that panel shows no data without the condition it watches. */
    private static final Map<String, String> MAY_BE_EMPTY = Map.of(
            "service-overview.json / Error rate (5xx share)",
                    "only while some request fails with 5xx (the numerator has no series)",
            "service-overview.json / Rate-limit fallback (Redis unreachable)",
                    "the counter exists only after Redis was unreachable once");

    private static final List<String> EXPORTERS = List.of("postgres-exporter", "redis-exporter", "node-exporter");

    @BeforeAll
    static void exportersRun() {
        EXPORTERS.forEach(exporter -> LocalServices.run("start", exporter));
    }

    @AfterAll
    static void exportersStop() {
        EXPORTERS.forEach(exporter -> LocalServices.run("stop", exporter));
    }

    @Test
    void everyPanelQueryReturnsDataFromTheLiveSeriesUnlessListedWithAReason(@TempDir Path dir) throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                MonitoringStack stack = MonitoringStack.start(
                        dir,
                        managementPort,
                        receiver,
                        Map.of(
                                "postgres", "127.0.0.1:" + port("SEVERITY_PG_EXPORTER_PORT", 19187),
                                "redis", "127.0.0.1:" + port("SEVERITY_REDIS_EXPORTER_PORT", 19121),
                                "node", "127.0.0.1:" + port("SEVERITY_NODE_EXPORTER_PORT", 19100)))) {
            await(Duration.ofSeconds(30), () -> stack.query("up == 1").size() == 4, "all four targets up");
            traffic();
            // a few scrapes after the traffic, so that every rate over 1m has two points
            awaitScrapes(stack, 4);

            List<String> failures = new ArrayList<>();
            int checked = 0;
            for (PanelQuery query : panelQueries()) {
                checked++;
                String promql = query.resolved();
                JsonNode instant;
                JsonNode range;
                try {
                    instant = stack.query(promql);
                    range = stack.queryRange(promql, 60, 5);
                } catch (AssertionError e) {
                    failures.add(query + ": Prometheus refused it: " + e.getMessage());
                    continue;
                }
                if ((instant.isEmpty() || range.isEmpty()) && !MAY_BE_EMPTY.containsKey(query.panel())) {
                    failures.add(
                            query + ": " + (instant.isEmpty() ? "instant" : "range") + " query returned no series");
                }
            }

            assertThat(checked).as("panel queries in grafana/dashboards").isGreaterThanOrEqualTo(59);
            assertThat(failures).as("panels without data on a live system").isEmpty();
        }
    }

    @Test
    void theListOfPanelsThatMayBeEmptyNamesOnlyPanelsThatExist() throws IOException {
        List<String> panels = panelQueries().stream().map(PanelQuery::panel).toList();

        assertThat(panels).containsAll(MAY_BE_EMPTY.keySet());
    }

    /** What users do (hits and misses, a batch, every data endpoint, a free client running into its limit), and a GC. */
    private void traffic() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        for (int i = 0; i < 20; i++) {
            assertThat(http().postJson("/api/v1/predict", analyst, Flights.json())
                            .status())
                    .isEqualTo(200);
            assertThat(http().postJson("/api/v1/predict", analyst, Flights.unique())
                            .status())
                    .isEqualTo(200);
        }
        assertThat(http().postJson("/api/v1/predict/batch", analyst, Flights.batchJson(5))
                        .status())
                .isEqualTo(200);
        for (String path : List.of(
                "/api/v1/events?state=CO",
                "/api/v1/events/near?lat=39.86&lon=-104.67&radiusKm=25",
                "/api/v1/events/within?bbox=-105.5,39.0,-104.0,40.5",
                "/api/v1/analytics/severity-by-year",
                "/api/v1/models/current")) {
            assertThat(http().get(path, analyst).status()).as(path).isEqualTo(200);
        }
        assertThat(http().get("/api/v1/events/20990101X00000", analyst).status())
                .isEqualTo(404);
        String free = token(ClientRole.ANALYST, Tier.FREE);
        int status = 200;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = http().postJson("/api/v1/predict", free, Flights.json()).status();
        }
        assertThat(status).as("the free tier's limit").isEqualTo(429);
        // the api runs in this JVM: a collection, which a running api has every few seconds and a
        // context a few seconds old may not have had yet (the GC pause panel has no series before one)
        System.gc();
    }

    private static void awaitScrapes(MonitoringStack stack, int scrapes) {
        double start = System.currentTimeMillis() / 1000.0;
        await(
                Duration.ofSeconds(30),
                () -> {
                    JsonNode last = stack.query("timestamp(up{job=\"severity-api\"})");
                    return !last.isEmpty() && last.get(0).get("value").get(1).asDouble() > start + scrapes;
                },
                scrapes + " scrapes after the traffic");
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    /** One target of one panel; {@link #resolved()} is what Grafana sends with the defaults of the variables. */
    record PanelQuery(String panel, String expr) {

        String resolved() {
            return expr.replace("${instance}", ".*")
                    .replace("$instance", ".*")
                    .replace("$__rate_interval", "1m")
                    .replace("$__interval", "15s")
                    .replace("$__range", "1h");
        }

        @Override
        public String toString() {
            return panel + " [" + expr + "]";
        }
    }

    static List<PanelQuery> panelQueries() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<PanelQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(LocalServices.projectRoot().resolve("grafana/dashboards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(
                        file.getFileName().toString(),
                        json.readTree(file.toFile()).get("panels"),
                        queries);
            }
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, List<PanelQuery> queries) {
        if (panels == null) {
            return;
        }
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.has("expr")) {
                    queries.add(new PanelQuery(
                            dashboard + " / " + panel.get("title").asString(),
                            target.get("expr").asString()));
                }
            }
            collect(dashboard, panel.get("panels"), queries);
        }
    }
}
