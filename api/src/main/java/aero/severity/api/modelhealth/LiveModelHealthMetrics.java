package aero.severity.api.modelhealth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.ToDoubleFunction;

import aero.severity.api.BackgroundRefresh;
import aero.severity.api.model.ChampionModel;
import aero.severity.api.model.LiveModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code severity_model_live_{ece,brier,fatal_auc,macro_f1,labelled_events}}, the served model's own
 * {@code severity_model_validation_{ece,brier,fatal_auc}} beside them, and
 * {@code severity_model_monitor_last_run_timestamp_seconds}: the newest cumulative row that
 * {@code ml monitor} wrote for the version being served, read once a minute in the background. NaN
 * while no model is served or no monitor run scored the served version; a database that is away
 * leaves the last values in place.
 */
@Component
class LiveModelHealthMetrics extends BackgroundRefresh {

    private static final Logger log = LoggerFactory.getLogger(LiveModelHealthMetrics.class);
    private static final String NEWEST = """
            SELECT run_at, events, macro_f1, roc_auc_fatal, brier, ece, validation_roc_auc_fatal, validation_brier, validation_ece
              FROM model_monitoring
             WHERE period = 'cumulative' AND model_name = :name AND model_version = :version
             ORDER BY run_at DESC
             LIMIT 1
            """;

    /** One monitor run's cumulative figures; every field NaN when there is none. */
    record Snapshot(
            double runAt,
            double events,
            double macroF1,
            double fatalAuc,
            double brier,
            double ece,
            double validationFatalAuc,
            double validationBrier,
            double validationEce) {

        static final Snapshot NONE = new Snapshot(
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    private final JdbcClient jdbc;
    private final ChampionModel champion;
    private volatile Snapshot snapshot = Snapshot.NONE;
    private volatile boolean failing;

    LiveModelHealthMetrics(
            JdbcClient jdbc,
            ChampionModel champion,
            MeterRegistry meters,
            @Value("${severity.model-health.refresh-interval:60s}") Duration interval) {
        super("model-health", interval, false);
        this.jdbc = jdbc;
        this.champion = champion;
        gauge(
                meters,
                "severity.model.live.ece",
                "Served model: expected calibration error on the labelled events after its window (ml monitor)",
                Snapshot::ece);
        gauge(
                meters,
                "severity.model.live.brier",
                "Served model: Brier score on the labelled events after its window",
                Snapshot::brier);
        gauge(
                meters,
                "severity.model.live.fatal.auc",
                "Served model: fatal-vs-rest ROC AUC on the labelled events after its window",
                Snapshot::fatalAuc);
        gauge(
                meters,
                "severity.model.live.macro.f1",
                "Served model: macro-F1 on the labelled events after its window",
                Snapshot::macroF1);
        gauge(
                meters,
                "severity.model.live.labelled.events",
                "Labelled events after the served model's window that ml monitor scored",
                Snapshot::events);
        gauge(
                meters,
                "severity.model.validation.ece",
                "Served model: expected calibration error on its own validation years",
                Snapshot::validationEce);
        gauge(
                meters,
                "severity.model.validation.brier",
                "Served model: Brier score on its own validation years",
                Snapshot::validationBrier);
        gauge(
                meters,
                "severity.model.validation.fatal.auc",
                "Served model: fatal-vs-rest ROC AUC on its own validation years",
                Snapshot::validationFatalAuc);
        Gauge.builder("severity.model.monitor.last.run.timestamp", this, m -> m.snapshot.runAt())
                .description(
                        "Epoch seconds of the newest ml monitor run that scored the served version (NaN before the first)")
                .baseUnit("seconds")
                .register(meters);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot))
                .description(description)
                .register(meters);
    }

    @Override
    protected void round() {
        LiveModel live = champion.current();
        if (live == null) {
            snapshot = Snapshot.NONE;
            return;
        }
        List<Snapshot> newest;
        try {
            newest = jdbc.sql(NEWEST)
                    .param("name", live.id().name())
                    .param("version", live.id().version())
                    .query((rs, n) -> new Snapshot(
                            rs.getObject("run_at", OffsetDateTime.class)
                                            .toInstant()
                                            .toEpochMilli()
                                    / 1000.0,
                            rs.getInt("events"),
                            figure(rs, "macro_f1"),
                            figure(rs, "roc_auc_fatal"),
                            figure(rs, "brier"),
                            figure(rs, "ece"),
                            figure(rs, "validation_roc_auc_fatal"),
                            figure(rs, "validation_brier"),
                            figure(rs, "validation_ece")))
                    .list();
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Could not read model_monitoring ({}); keeping the last values", e.getMessage());
            }
            failing = true;
            return;
        }
        failing = false;
        snapshot = newest.isEmpty() ? Snapshot.NONE : newest.get(0);
    }

    private static double figure(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
