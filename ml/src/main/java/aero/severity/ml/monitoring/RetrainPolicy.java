package aero.severity.ml.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import aero.severity.features.FeatureDistribution;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code severity.retrain.*}: when the retrain job trains a challenger, after {@code ml monitor} has
 * scored the champion on the labelled events it never saw. It trains when there is no champion, when
 * the newest version is older than {@code schedule} (the monthly loop), or before the schedule when the
 * champion has drifted <em>and</em> an ingest batch finished after the newest version was trained (on
 * the same rows a retrain would learn the same model and the gate would decide the same again).
 * The drift thresholds are the alert rules' (ModelCalibrationDrift, ModelDiscriminationDrop,
 * FeatureDrift; a test holds them equal), so a retrain is forced by what also tells people.
 *
 * @param schedule          train when the newest registered version is older than this
 * @param maxLiveEce        calibration drift: live ECE above this ...
 * @param eceRatio          ... and above this many times the model's validation ECE
 * @param maxFatalAucDrop   discrimination drop: live fatal-vs-rest AUC this far below validation
 * @param maxPsi            input drift: a request field's PSI of the events after the window above this
 * @param minLabelledEvents no drift is judged on fewer labelled events after the window
 */
@Validated
@ConfigurationProperties("severity.retrain")
public record RetrainPolicy(
        @NotNull @DurationMin(hours = 1) @DefaultValue("28d")
        Duration schedule,

        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.04")
        double maxLiveEce,

        @DecimalMin("1") @DefaultValue("2") double eceRatio,

        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05")
        double maxFatalAucDrop,

        @DecimalMin("0") @DefaultValue("0.25") double maxPsi,
        @Min(1) @DefaultValue("200") int minLabelledEvents) {

    /** The defaults, as the job runs without configuration. */
    public static RetrainPolicy defaults() {
        return new RetrainPolicy(Duration.ofDays(28), 0.04, 2, 0.05, FeatureDistribution.DRIFTED, 200);
    }

    /** Whether to train, and every reason that counted either way. */
    public record Verdict(boolean retrain, List<String> reasons) {

        public Verdict {
            reasons = List.copyOf(reasons);
        }

        /** One line for the job's log. */
        public String describe() {
            return (retrain ? "retrain: due: " : "retrain: not due: ") + String.join("; ", reasons);
        }
    }

    /** With no champion there is nothing to keep: train. */
    public Verdict noChampion() {
        return new Verdict(true, List.of("no champion yet"));
    }

    /**
     * Whether the champion's monitoring run, its age and the data since call for a retrain.
     *
     * @param report        {@code ml monitor}'s findings on the champion
     * @param newestVersion the newest registered version's name and when it was trained
     * @param lastBatch     when the newest ingest batch finished, null if none ever did
     */
    public Verdict decide(
            MonitoringReport report,
            String newestVersion,
            Instant newestTrainedAt,
            @Nullable Instant lastBatch,
            Instant now) {
        List<String> reasons = new ArrayList<>();
        Duration age = Duration.between(newestTrainedAt, now);
        boolean scheduled = age.compareTo(schedule) > 0;
        if (scheduled) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "scheduled: the newest version (%s) was trained %d days ago, the schedule is" + " every %d days",
                    newestVersion,
                    age.toDays(),
                    schedule.toDays()));
        }
        List<String> drift = drift(report);
        boolean newData = lastBatch != null && lastBatch.isAfter(newestTrainedAt);
        reasons.addAll(drift);
        if (!drift.isEmpty()) {
            reasons.add(
                    newData
                            ? "new data: a batch finished at " + lastBatch + ", after " + newestVersion + " was trained"
                            : "no batch has finished since " + newestVersion
                                    + " was trained, so a retrain would learn the same rows;"
                                    + " the next batch or the schedule retrains");
        }
        boolean retrain = scheduled || (!drift.isEmpty() && newData);
        if (!retrain && drift.isEmpty()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "no drift past the thresholds on %,d labelled events after the window, and"
                            + " the newest version (%s) is %d days old (schedule %d)",
                    report.cumulative().events(),
                    newestVersion,
                    age.toDays(),
                    schedule.toDays()));
        }
        return new Verdict(retrain, reasons);
    }

    /** Each threshold the champion is past, as a reason; empty when none (or too few labelled events to tell). */
    List<String> drift(MonitoringReport report) {
        LiveScore live = report.cumulative();
        LiveScore validation = report.validation();
        List<String> reasons = new ArrayList<>();
        if (live.events() < minLabelledEvents) {
            return reasons;
        }
        if (live.ece() > maxLiveEce && live.ece() > eceRatio * validation.ece()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "calibration drift: live ECE %.4f > %.2f and > %.1f x validation %.4f on %,d" + " events",
                    live.ece(),
                    maxLiveEce,
                    eceRatio,
                    validation.ece(),
                    live.events()));
        }
        if (live.fatalRocAuc() < validation.fatalRocAuc() - maxFatalAucDrop) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "discrimination drop: live fatal AUC %.4f < validation %.4f - %.2f on %,d events",
                    live.fatalRocAuc(),
                    validation.fatalRocAuc(),
                    maxFatalAucDrop,
                    live.events()));
        }
        for (Map.Entry<String, Double> field : FeatureDistribution.mostDrifted(report.inputDrift())) {
            if (field.getValue() > maxPsi) {
                reasons.add(String.format(
                        Locale.ROOT, "input drift: PSI of %s %.3f > %.2f", field.getKey(), field.getValue(), maxPsi));
            }
        }
        return reasons;
    }
}
