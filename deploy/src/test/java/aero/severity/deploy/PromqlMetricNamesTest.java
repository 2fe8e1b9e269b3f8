package aero.severity.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromqlMetricNamesTest {

    @Test
    void findsTheSeriesOfAHistogramQuantileAndIgnoresFunctionsLabelsAndGrouping() {
        assertThat(PromqlMetricNames.in("""
                histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket{job="severity-api", \
                uri!~"/actuator.*"}[5m]))) > 0.1""")).containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void findsEverySeriesOfABinaryExpression() {
        assertThat(PromqlMetricNames.in("""
                max by (instance) (hikaricp_connections_active / hikaricp_connections_max) > 0.9
                or on(instance) max without (pool) (hikaricp_connections_pending) > 0"""))
                .containsExactly(
                        "hikaricp_connections_active", "hikaricp_connections_max", "hikaricp_connections_pending");
    }

    @Test
    void ignoresNumbersDurationsStringsAndKeywords() {
        assertThat(PromqlMetricNames.in("time() - max(severity_model_created_timestamp_seconds offset 1h) > 35 * 86400"
                        + " and absent(up{job=\"severity-api\"}) unless vector(1) == bool 1"))
                .containsExactly("severity_model_created_timestamp_seconds", "up");
    }

    @Test
    void aMetricNamedLikeAFunctionArgumentIsStillFound() {
        assertThat(PromqlMetricNames.in("sum(rate(severity_predictions_total[$__rate_interval])) by (severity)"))
                .containsExactly("severity_predictions_total");
    }
}
