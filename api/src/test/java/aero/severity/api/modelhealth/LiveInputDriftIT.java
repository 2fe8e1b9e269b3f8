package aero.severity.api.modelhealth;

import java.time.Duration;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live requests against the served model's training rows: the api samples request inputs (here
 * every one), bins them in the background and exports {@code severity_feature_psi{feature}}. Night
 * flights in cloud, which the training rows hold few of, move the light and weather fields past
 * the drift threshold; fields the requests leave as in training stay low.
 */
@TestPropertySource(
        properties = {
            "severity.model-health.input-drift.samples-per-second=100000",
            "severity.model-health.input-drift.min-samples=100",
            "severity.model-health.input-drift.refresh-interval=200ms"
        })
class LiveInputDriftIT extends FullStackTest {

    @Test
    void nightFlightsInCloudMoveTheLightAndWeatherPsiPastTheThresholdAndNothingElseMuch() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        await(
                Duration.ofSeconds(10),
                () -> !Double.isNaN(metricOrNaN("lightCondition")) || hasGauge("lightCondition"),
                "the served model's PSI gauges");
        assertThat(metricOrNaN("lightCondition"))
                .as("NaN before enough samples")
                .isNaN();

        for (int i = 0; i < 120; i++) {
            String night = Flights.json(20 + i % 60)
                    .replace("\"lightCondition\":\"DAYL\"", "\"lightCondition\":\"NITE\"")
                    .replace("\"weatherCondition\":\"VMC\"", "\"weatherCondition\":\"IMC\"");
            assertThat(http().postJson("/api/v1/predict", analyst, night).status())
                    .isEqualTo(200);
        }

        await(Duration.ofSeconds(10), () -> !Double.isNaN(metricOrNaN("lightCondition")), "the PSI after 100 samples");
        assertThat(metricOrNaN("lightCondition")).isGreaterThan(0.25);
        assertThat(metricOrNaN("weatherCondition")).isGreaterThan(0.25);
        assertThat(metricOrNaN("pilotAge"))
                .as("ages spread over 20-79 like pilots do")
                .isLessThan(metricOrNaN("lightCondition"));
        assertThat(metric("severity_feature_drift_dropped_total")).isZero();
    }

    private boolean hasGauge(String feature) {
        return management()
                .get("/actuator/prometheus")
                .body()
                .lines()
                .anyMatch(line ->
                        line.startsWith("severity_feature_psi{") && line.contains("feature=\"" + feature + "\""));
    }

    private double metricOrNaN(String feature) {
        return management()
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line ->
                        line.startsWith("severity_feature_psi{") && line.contains("feature=\"" + feature + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(Double.NaN);
    }
}
