package aero.severity.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;

/** The management port serves health and Prometheus metrics, nothing else; the api port serves neither. */
class ManagementIT extends FullStackTest {

    @Test
    void onlyHealthAndPrometheusAreExposedAndOnlyOnTheManagementPort() {
        assertThat(management().get("/actuator/health").status()).isEqualTo(200);
        assertThat(management().get("/actuator/prometheus").status()).isEqualTo(200);
        for (String hidden : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers", "/actuator/metrics"}) {
            assertThat(management().get(hidden).status()).as(hidden).isEqualTo(404);
        }
        assertThat(http().get("/actuator/health").status()).isEqualTo(404);
        assertThat(http().get("/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void livenessIsUpAndReadinessReportsModelAndDatabase() {
        Http.Reply liveness = management().get("/actuator/health/liveness");
        Http.Reply readiness = management().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.json().has("components")).as("liveness consults nothing outside the process").isFalse();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").get("model").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").get("model").get("details").get("version").asString()).isEqualTo("1");
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
}
