package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** prometheus/: the config, the alert rules and their unit tests, checked by the real promtool. */
class PrometheusTest {

    /** Where the alerts' runbook_url point by default: the chart's monitoring.prometheusRule.runbookBaseUrl. */
    static final String RUNBOOK_BASE_URL = "https://github.com/severity-platform/severity/blob/main/docs/RUNBOOK.md";

    static final List<String> REQUIRED_ALERTS = List.of(
            "HighErrorRate",
            "SlowResponses",
            "LowModelConfidence",
            "DatabaseConnectionsSaturated",
            "RateLimitFallbackActive",
            "ModelStale",
            "ApiDown",
            "ModelCalibrationDrift",
            "ModelDiscriminationDrop",
            "DataStale",
            "DatabaseDown",
            "NoModelLoaded",
            "FeatureDrift");

    @Test
    void configIsValidAndLoadsTheRules() {
        ToolRun run = Tool.PROMTOOL.run("check", "config", "prometheus/prometheus.yml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.stdout() + run.stderr()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void configScrapesTheApiManagementPortAndBothExporters() {
        YamlTree config = YamlTree.parse(Project.read("prometheus/prometheus.yml"));
        Map<String, YamlTree> jobs = new HashMap<>();
        config.at("scrape_configs")
                .list()
                .forEach(job -> jobs.put(job.at("job_name").text(), job));
        assertThat(jobs).containsKeys("severity-api", "postgres", "redis");
        assertThat(jobs.get("severity-api").at("metrics_path").text()).isEqualTo("/actuator/prometheus");
        assertThat(jobs.get("severity-api").at("static_configs.0.targets.0").text())
                .isEqualTo("api:8081");
        assertThat(jobs.get("postgres").at("static_configs.0.targets.0").text()).isEqualTo("postgres-exporter:9187");
        assertThat(jobs.get("redis").at("static_configs.0.targets.0").text()).isEqualTo("redis-exporter:9121");
    }

    @Test
    void rulesAreValid() {
        ToolRun run = Tool.PROMTOOL.run("check", "rules", "prometheus/rules/severity-alerts.yml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void everyRequiredAlertExistsWithSeverityAndRunbook() {
        Map<String, YamlTree> alerts = alerts();
        assertThat(alerts).containsOnlyKeys(REQUIRED_ALERTS);
        String runbook = Project.read("docs/RUNBOOK.md");
        alerts.forEach((name, rule) -> {
            assertThat(rule.at("labels.severity").text()).as(name).isIn("critical", "warning");
            // Absolute: an alert is read in Alertmanager, chat or a pager, where a relative path leads nowhere.
            assertThat(rule.at("annotations.runbook_url").text())
                    .as(name)
                    .isEqualTo(RUNBOOK_BASE_URL + "#" + name.toLowerCase());
            assertThat(runbook).as("docs/RUNBOOK.md has a section for " + name).contains("### " + name);
        });
    }

    @Test
    void slowResponsesMeansP95AboveOneHundredMilliseconds() {
        String expr = alerts().get("SlowResponses").at("expr").text();
        assertThat(expr.replaceAll("\\s+", " ").strip())
                .contains("histogram_quantile(0.95,")
                .endsWith("> 0.1");
    }

    @Test
    void ruleUnitTestsPass() {
        ToolRun run = Tool.PROMTOOL.run(
                Project.file("prometheus"), Map.of(), List.of("test", "rules", "tests/severity-alerts.test.yml"));
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.stdout()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItDoesNot() {
        Set<String> fires = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        YamlTree tests = YamlTree.parse(Project.read("prometheus/tests/severity-alerts.test.yml"));
        for (YamlTree test : tests.at("tests").list()) {
            for (YamlTree check : test.at("alert_rule_test").list()) {
                String alert = check.at("alertname").text();
                (check.at("exp_alerts").list().isEmpty() ? quiet : fires).add(alert);
            }
        }
        assertThat(fires).containsAll(REQUIRED_ALERTS);
        assertThat(quiet).containsAll(REQUIRED_ALERTS);
    }

    @Test
    void aUnitTestWithTheWrongExpectationFails(@TempDir Path dir) throws IOException {
        // The unit tests can fail: expect ApiDown while the api is up.
        Files.copy(Project.file("prometheus/rules/severity-alerts.yml"), dir.resolve("rules.yml"));
        Files.writeString(dir.resolve("wrong.test.yml"), """
                rule_files: [rules.yml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{job="severity-api", instance="api:8081"}'
                        values: '1x10'
                    alert_rule_test:
                      - eval_time: 10m
                        alertname: ApiDown
                        exp_alerts:
                          - exp_labels: {severity: critical, job: severity-api, instance: "api:8081"}
                """);
        ToolRun run = Tool.PROMTOOL.run(dir, Map.of(), List.of("test", "rules", "wrong.test.yml"));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.stdout() + run.stderr()).contains("FAILED");
    }

    @Test
    void rulesUseOnlyMetricsFromTheContract() {
        Set<String> allowed = MetricContract.all();
        alerts().forEach((name, rule) -> assertThat(
                        PromqlMetricNames.in(rule.at("expr").text()))
                .as("metrics used by " + name)
                .isNotEmpty()
                .isSubsetOf(allowed));
    }

    static Map<String, YamlTree> alerts() {
        Map<String, YamlTree> alerts = new HashMap<>();
        YamlTree rules = YamlTree.parse(Project.read("prometheus/rules/severity-alerts.yml"));
        for (YamlTree group : rules.at("groups").list()) {
            for (YamlTree rule : group.at("rules").list()) {
                assertThat(alerts.put(rule.at("alert").text(), rule))
                        .as("duplicate alert")
                        .isNull();
            }
        }
        return alerts;
    }
}
