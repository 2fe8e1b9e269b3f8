package aero.severity.api.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.model.ChampionModel;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.ml.serving.ModelId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The management port serves health and Prometheus metrics, nothing else; the api port serves neither. */
@TestPropertySource(
        properties = {
            "severity.ingest-status.refresh-interval=200ms",
            "severity.model-health.refresh-interval=200ms",
            "severity.model-health.input-drift.refresh-interval=200ms"
        })
class ManagementIT extends FullStackTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChampionModel champion;

    @Test
    void onlyHealthAndPrometheusAreExposedAndOnlyOnTheManagementPort() {
        assertThat(management().get("/actuator/health").status()).isEqualTo(200);
        assertThat(management().get("/actuator/prometheus").status()).isEqualTo(200);
        for (String hidden : new String[] {
            "/actuator",
            "/actuator/env",
            "/actuator/beans",
            "/actuator/configprops",
            "/actuator/heapdump",
            "/actuator/loggers",
            "/actuator/metrics"
        }) {
            assertThat(management().get(hidden).status()).as(hidden).isEqualTo(404);
        }
        assertThat(http().get("/actuator/health").status()).isEqualTo(404);
        assertThat(http().get("/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void livenessIsUpReadinessReportsTheModelAndTheDatabaseIsReportedApart() {
        Http.Reply liveness = management().get("/actuator/health/liveness");
        Http.Reply readiness = management().get("/actuator/health/readiness");
        Http.Reply dependencies = management().get("/actuator/health/dependencies");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.json().has("components"))
                .as("liveness consults nothing outside the process")
                .isFalse();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").has("db"))
                .as("a shared database is not every request's need")
                .isFalse();
        assertThat(readiness.json().get("components").get("model").get("status").asString())
                .isEqualTo("UP");
        assertThat(dependencies.status()).isEqualTo(200);
        assertThat(dependencies.json().get("components").get("db").get("status").asString())
                .isEqualTo("UP");
        assertThat(readiness
                        .json()
                        .get("components")
                        .get("model")
                        .get("details")
                        .get("version")
                        .asString())
                .isEqualTo("1");
    }

    @Test
    void prometheusHasTheHttpHistogramTheDomainMetricsHikariAndJvm() {
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        http().postJson("/api/v1/predict", token, Flights.unique());

        String metrics = management().get("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/predict\"[^}]*le=\"")
                .contains("severity_predictions_total{")
                .contains("severity_prediction_confidence_bucket{")
                .contains("severity_model_inference_seconds_bucket{")
                .contains("severity_cache_requests_total{")
                .contains("severity_ratelimit_rejections_total{")
                .contains("severity_ratelimit_fallback_total{")
                .contains("severity_model_info{")
                .contains("severity_model_last_check_seconds{")
                .contains("hikaricp_connections_active{")
                .contains("jvm_memory_used_bytes{");
    }

    @Test
    void everyMetricOfTheContractTheAlertsAndDashboardsUseIsExported() throws IOException {
        http().postJson("/api/v1/predict", token(ClientRole.ANALYST, Tier.FREE), Flights.unique());
        // jvm_gc_pause_seconds appears with the first collection; a young JVM may not have had one yet
        System.gc();
        await(
                Duration.ofSeconds(10),
                () -> management().get("/actuator/prometheus").body().contains("jvm_gc_pause_seconds_sum"),
                "a GC pause to be recorded");
        List<String> contract = Files.readAllLines(projectFile("prometheus/metrics/api.txt")).stream()
                .map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();

        Set<String> exported = management()
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());

        assertThat(contract).isNotEmpty();
        assertThat(exported).containsAll(contract);
    }

    @Test
    void ingestBookkeepingIsReportedAsGauges() {
        jdbc.sql(
                        "INSERT INTO ingest_batches (file_name, file_size, sha256, source_kind, started_at, finished_at, status,"
                                + " rows_read, rows_loaded, rows_rejected) VALUES ('up01JAN.mdb', 1, :sha, 'ACCESS',"
                                + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 10:05:00+00',"
                                + " 'DONE', 12, 10, 2)")
                .param("sha", "a".repeat(64))
                .update();
        long batch = jdbc.sql("SELECT max(batch_id) FROM ingest_batches")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO ingest_batch_tables (batch_id, table_name, rows_read, rows_rejected, rows_loaded, rows_skipped)"
                                + " VALUES (:b, 'events', 5, 1, 4, 0), (:b, 'aircraft', 7, 1, 6, 0)")
                .param("b", batch)
                .update();

        await(
                Duration.ofSeconds(10),
                () -> management()
                        .get("/actuator/prometheus")
                        .body()
                        .contains("severity_ingest_rows{application=\"severity-api\",table=\"aircraft\"} 6.0"),
                "ingest gauges");

        String metrics = management().get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("severity_ingest_batches{application=\"severity-api\",status=\"DONE\"} 1.0")
                .contains("severity_ingest_batches{application=\"severity-api\",status=\"FAILED\"} 0.0")
                .contains("severity_ingest_rejects{application=\"severity-api\",table=\"events\"} 1.0")
                .contains("severity_ingest_last_success_timestamp_seconds{application=\"severity-api\"} 1.7672619E9");
    }

    @Test
    void theNewestMonitorRunOfTheServedVersionIsReportedAsGauges() {
        ModelId served = champion.require().id();
        monitorRow(served.name(), served.version(), "cumulative", "2026-01-01 06:00:00+00", 300, 0.090);
        monitorRow(served.name(), served.version(), "cumulative", "2026-02-01 00:00:00+00", 480, 0.031);
        monitorRow(
                served.name(),
                served.version(),
                "2026-01",
                "2026-03-01 00:00:00+00",
                40,
                0.200); // a month, not the total
        monitorRow(served.name(), "999", "cumulative", "2026-03-01 00:00:00+00", 900, 0.400); // another version

        await(
                Duration.ofSeconds(10),
                () -> management()
                        .get("/actuator/prometheus")
                        .body()
                        .contains("severity_model_live_ece{application=\"severity-api\"} 0.031"),
                "model health gauges");

        assertThat(management().get("/actuator/prometheus").body())
                .contains("severity_model_live_labelled_events{application=\"severity-api\"} 480.0")
                .contains("severity_model_live_brier{application=\"severity-api\"} 0.5")
                .contains("severity_model_live_fatal_auc{application=\"severity-api\"} 0.8")
                .contains("severity_model_live_macro_f1{application=\"severity-api\"} NaN")
                .contains("severity_model_validation_ece{application=\"severity-api\"} 0.015")
                .contains("severity_model_monitor_last_run_timestamp_seconds{application=\"severity-api\"} 1.769904E9");
    }

    private void monitorRow(String model, String version, String period, String runAt, int events, double ece) {
        jdbc.sql(
                        "INSERT INTO model_monitoring (run_id, run_at, model_name, model_version, period, period_from, period_to,"
                                + " events, fatal_events, macro_f1, roc_auc_fatal, brier, ece, validation_events, validation_roc_auc_fatal,"
                                + " validation_brier, validation_ece) VALUES (:run, TIMESTAMP WITH TIME ZONE '" + runAt
                                + "', :model, :version,"
                                + " :period, DATE '2026-01-01', DATE '2026-01-31', :events, 12, NULL, 0.8, 0.5, :ece, 4000, 0.85, 0.45, 0.015)")
                .param("run", java.util.UUID.randomUUID().toString())
                .param("model", model)
                .param("version", version)
                .param("period", period)
                .param("events", events)
                .param("ece", ece)
                .update();
    }

    private static Path projectFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    relative + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }
}
