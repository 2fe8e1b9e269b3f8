package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * grafana/: provisioning and dashboards. Every panel query is turned into a recording rule and
 * parsed by the real promtool, and may only read metrics from the contract.
 */
class GrafanaDashboardsTest {

    record Query(String dashboard, String panel, String expr) {}

    @Test
    void provisioningPointsAtTheDashboardsAndThePrometheusDatasource() {
        YamlTree datasources = YamlTree.parse(Project.read("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources.at("datasources.0.type").text()).isEqualTo("prometheus");
        assertThat(datasources.at("datasources.0.uid").text()).isEqualTo("prometheus");
        assertThat(datasources.at("datasources.0.url").text()).isEqualTo("http://prometheus:9090");
        YamlTree providers = YamlTree.parse(Project.read("grafana/provisioning/dashboards/severity.yml"));
        assertThat(providers.at("providers.0.options.path").text()).isEqualTo("/var/lib/grafana/dashboards");
        YamlTree compose = YamlTree.parse(Project.read("docker-compose.yml"));
        assertThat(compose.at("services.grafana.volumes").list())
                .extracting(YamlTree::text)
                .contains(
                        "./grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
        for (YamlTree dashboard : dashboards().values()) {
            assertThat(dashboard.at("templating.list.0.query").text()).isEqualTo("prometheus");
        }
    }

    @Test
    void theFiveDashboardsShowWhatOperatorsNeed() {
        Map<String, YamlTree> dashboards = dashboards();
        assertThat(dashboards)
                .containsOnlyKeys(
                        "service-overview.json", "model.json", "model-health.json", "data.json", "jvm-db-pool.json");
        assertThat(titles(dashboards.get("service-overview.json")))
                .contains(
                        "Request rate by endpoint",
                        "Latency p50 / p95 / p99",
                        "Error rate (5xx share)",
                        "429 Too Many Requests");
        assertThat(titles(dashboards.get("model.json")))
                .contains(
                        "Predictions by class",
                        "Confidence distribution",
                        "Inference time p50 / p95 / p99",
                        "Model version served",
                        "Prediction cache hit ratio");
        assertThat(titles(dashboards.get("data.json")))
                .contains("Ingest batches by status", "Rows loaded by table", "Rejected rows by table");
        assertThat(titles(dashboards.get("jvm-db-pool.json"))).contains("Heap used / max", "Hikari connections");
        assertThat(titles(dashboards.get("model-health.json")))
                .contains(
                        "Live ECE against validation ECE",
                        "Live fatal AUC against validation",
                        "Labelled events monitored",
                        "Newest data");
        Set<String> uids = new HashSet<>();
        dashboards
                .values()
                .forEach(d -> assertThat(uids.add(d.at("uid").text()))
                        .as("unique uid")
                        .isTrue());
    }

    @Test
    void latencyPanelShowsP50P95AndP99() {
        YamlTree panel = panels(dashboards().get("service-overview.json"))
                .filter(p -> p.at("title").text().equals("Latency p50 / p95 / p99"))
                .findFirst()
                .orElseThrow();
        assertThat(panel.at("targets").list())
                .extracting(t -> t.at("expr").text())
                .anyMatch(e -> e.startsWith("histogram_quantile(0.5,"))
                .anyMatch(e -> e.startsWith("histogram_quantile(0.95,"))
                .anyMatch(e -> e.startsWith("histogram_quantile(0.99,"));
    }

    @Test
    void everyPanelQueryParses(@TempDir Path dir) throws IOException {
        List<Query> queries = queries();
        assertThat(queries).hasSizeGreaterThan(20);
        ToolRun run = checkAsRecordingRules(dir, queries);
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.stdout()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void aBrokenQueryIsCaught(@TempDir Path dir) throws IOException {
        ToolRun run = checkAsRecordingRules(
                dir, List.of(new Query("x", "broken", "sum(rate(severity_predictions_total[5m])")));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.stdout() + run.stderr()).contains("unclosed left parenthesis");
    }

    @Test
    void panelsUseOnlyMetricsFromTheContract() {
        Set<String> allowed = MetricContract.all();
        for (Query query : queries()) {
            assertThat(PromqlMetricNames.in(query.expr()))
                    .as(query.dashboard() + " / " + query.panel())
                    .isNotEmpty()
                    .isSubsetOf(allowed);
        }
    }

    @Test
    void everyApiMetricOfTheContractIsShownOrAlertedOn() {
        Set<String> used = new HashSet<>();
        queries().forEach(q -> used.addAll(PromqlMetricNames.in(q.expr())));
        PrometheusTest.alerts()
                .values()
                .forEach(r -> used.addAll(PromqlMetricNames.in(r.at("expr").text())));
        Set<String> unused = new HashSet<>(MetricContract.api());
        unused.removeAll(used);
        // _count/_sum/_max come with every histogram; the contract lists them for the scrape comparison.
        unused.removeIf(name -> name.matches(".*_(count|sum|max)$"));
        assertThat(unused).as("contract metrics nothing looks at").isEmpty();
    }

    /** Grafana's variables replaced by what Prometheus itself would receive. */
    static String withoutGrafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "1m")
                .replace("$__range", "1h")
                .replace("$instance", ".*")
                .replace("${instance}", ".*");
    }

    private static ToolRun checkAsRecordingRules(Path dir, List<Query> queries) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "dashboard:query_" + i);
            rule.put("expr", withoutGrafanaVariables(queries.get(i).expr()));
            rules.add(rule);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(
                file, new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));
        return Tool.PROMTOOL.run(
                dir, Map.of(), List.of("check", "rules", file.getFileName().toString()));
    }

    static Map<String, YamlTree> dashboards() {
        Map<String, YamlTree> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Project.file("grafana/dashboards"))) {
            files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .forEach(f -> dashboards.put(
                            f.getFileName().toString(),
                            YamlTree.parse(Project.read("grafana/dashboards/" + f.getFileName()))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return dashboards;
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        dashboards()
                .forEach((file, dashboard) -> panels(dashboard).forEach(panel -> {
                    for (YamlTree target : panel.at("targets").list()) {
                        queries.add(new Query(
                                file,
                                panel.at("title").text(),
                                target.at("expr").text()));
                    }
                }));
        return queries;
    }

    private static Stream<YamlTree> panels(YamlTree dashboard) {
        return dashboard.at("panels").list().stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.at("panels").list().stream()));
    }

    private static List<String> titles(YamlTree dashboard) {
        return panels(dashboard).map(p -> p.at("title").text()).toList();
    }
}
