package aero.severity.ml.monitoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aero.severity.ml.serving.ModelId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final Instant TRAINED = NOW.minus(Duration.ofDays(10));
    private static final Instant BATCH_AFTER = NOW.minus(Duration.ofDays(1));
    private static final Instant BATCH_BEFORE = NOW.minus(Duration.ofDays(11));

    private final RetrainPolicy policy = RetrainPolicy.defaults();

    @Test
    void aCalibratedChampionOnFreshDataWithoutInputDriftIsKept() {
        RetrainPolicy.Verdict verdict = policy.decide(
                report(1_000, 0.02, 0.80, Map.of("lightCondition", 0.05)), "v3", TRAINED, BATCH_AFTER, NOW);
        assertThat(verdict.retrain()).isFalse();
        assertThat(verdict.describe())
                .startsWith("retrain: not due: no drift past the thresholds on 1,000 labelled events");
    }

    @Test
    void calibrationDriftWithABatchSinceTheNewestVersionForcesARetrainBeforeTheSchedule() {
        RetrainPolicy.Verdict verdict =
                policy.decide(report(1_000, 0.06, 0.80, Map.of()), "v3", TRAINED, BATCH_AFTER, NOW);
        assertThat(verdict.retrain()).isTrue();
        assertThat(verdict.describe())
                .contains(
                        "calibration drift: live ECE 0.0600 > 0.04 and > 2.0 x validation 0.0150",
                        "new data: a batch finished at 2026-12-03T03:00:00Z, after v3 was trained");
    }

    @Test
    void anEceAboveTheLimitButWithinTwiceTheModelsOwnIsNoDrift() {
        MonitoringReport report = new MonitoringReport(
                new ModelId("m", "3", null),
                2020,
                score("validation", 5_000, 0.80, 0.025),
                List.of(),
                score("cumulative", 1_000, 0.80, 0.045),
                Map.of());
        assertThat(policy.decide(report, "v3", TRAINED, BATCH_AFTER, NOW).retrain())
                .isFalse();
    }

    @Test
    void driftWithoutNewDataWaitsForTheNextBatchOrTheSchedule() {
        RetrainPolicy.Verdict verdict =
                policy.decide(report(1_000, 0.06, 0.80, Map.of()), "v3", TRAINED, BATCH_BEFORE, NOW);
        assertThat(verdict.retrain()).isFalse();
        assertThat(verdict.describe()).contains("calibration drift", "no batch has finished since v3 was trained");
        assertThat(policy.decide(report(1_000, 0.06, 0.80, Map.of()), "v3", TRAINED, null, NOW)
                        .retrain())
                .isFalse();
    }

    @Test
    void aDiscriminationDropOrAnInputFieldPastPsiQuarterCountsAsDrift() {
        assertThat(policy.decide(report(1_000, 0.02, 0.70, Map.of()), "v3", TRAINED, BATCH_AFTER, NOW)
                        .describe())
                .startsWith("retrain: due: discrimination drop: live fatal AUC 0.7000 < validation 0.8000 - 0.05");
        assertThat(policy.decide(
                                report(1_000, 0.02, 0.80, Map.of("lightCondition", 0.41, "pilotAge", 0.02)),
                                "v3",
                                TRAINED,
                                BATCH_AFTER,
                                NOW)
                        .describe())
                .contains("input drift: PSI of lightCondition 0.410 > 0.25")
                .doesNotContain("pilotAge");
    }

    @Test
    void tooFewLabelledEventsJudgeNoDrift() {
        RetrainPolicy.Verdict verdict =
                policy.decide(report(199, 0.30, 0.50, Map.of("lightCondition", 3.0)), "v3", TRAINED, BATCH_AFTER, NOW);
        assertThat(verdict.retrain()).isFalse();
    }

    @Test
    void theScheduleRetrainsANewestVersionOlderThan28DaysWhateverTheDrift() {
        RetrainPolicy.Verdict verdict = policy.decide(
                report(0, Double.NaN, Double.NaN, Map.of()), "v3", NOW.minus(Duration.ofDays(29)), null, NOW);
        assertThat(verdict.retrain()).isTrue();
        assertThat(verdict.describe())
                .isEqualTo(
                        "retrain: due: scheduled: the newest version (v3) was trained 29 days ago, the schedule is every 28 days");
    }

    @Test
    void noChampionIsAlwaysARetrain() {
        assertThat(policy.noChampion().describe()).isEqualTo("retrain: due: no champion yet");
    }

    private static MonitoringReport report(int events, double ece, double fatalAuc, Map<String, Double> psi) {
        return new MonitoringReport(
                new ModelId("m", "3", null),
                2020,
                score("validation", 5_000, 0.80, 0.015),
                List.of(),
                score("cumulative", events, fatalAuc, ece),
                psi);
    }

    private static LiveScore score(String period, int events, double fatalAuc, double ece) {
        return new LiveScore(
                period,
                LocalDate.of(2023, 1, 1),
                LocalDate.of(2026, 12, 1),
                events,
                events / 5,
                0.45,
                0.75,
                fatalAuc,
                0.55,
                ece);
    }

    @Test
    void theJobsDefaultsAreWhatSpringBindsWithoutConfiguration() {
        RetrainPolicy bound = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("severity.retrain", RetrainPolicy.class);
        assertThat(bound).isEqualTo(RetrainPolicy.defaults());
    }

    /** A retrain is forced by exactly what pages people: the thresholds of the alert rules. */
    @Test
    void theDriftThresholdsAreTheAlertRulesThresholds() throws IOException {
        String rules = Files.readString(Path.of("../prometheus/rules/severity-alerts.yml"));
        RetrainPolicy p = RetrainPolicy.defaults();
        assertThat(expr(rules, "ModelCalibrationDrift"))
                .contains("severity_model_live_ece{job=\"severity-api\"}) > " + figure(p.maxLiveEce()))
                .contains("> " + figure(p.eceRatio()) + " * max(severity_model_validation_ece")
                .contains("severity_model_live_labelled_events{job=\"severity-api\"}) >= " + p.minLabelledEvents());
        assertThat(expr(rules, "ModelDiscriminationDrop"))
                .contains("- " + figure(p.maxFatalAucDrop()))
                .contains(">= " + p.minLabelledEvents());
        assertThat(expr(rules, "FeatureDrift")).contains("> " + figure(p.maxPsi()));
    }

    private static String expr(String rules, String alert) {
        Matcher m = Pattern.compile("- alert: " + alert + "\\n(.*?)\\n        for:", Pattern.DOTALL)
                .matcher(rules);
        assertThat(m.find()).as(alert).isTrue();
        return m.group(1).replaceAll("\\s+", " ");
    }

    private static String figure(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
