package aero.severity.ml.monitoring;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Appends a monitoring run to {@code model_monitoring} (V6), every period in one transaction. */
public final class MonitoringTable {

    private static final String INSERT = """
            INSERT INTO model_monitoring (run_id, run_at, model_name, model_version, period, period_from, period_to,
                events, fatal_events, macro_f1, roc_auc_macro, roc_auc_fatal, brier, ece,
                validation_events, validation_macro_f1, validation_roc_auc_fatal, validation_brier, validation_ece)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;

    public MonitoringTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes one row per period of the report; returns the run's id. */
    public String append(MonitoringReport report, Instant at) {
        String runId = UUID.randomUUID().toString();
        try (Connection db = dataSource.getConnection()) {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                LiveScore v = report.validation();
                for (LiveScore s : report.rows()) {
                    int i = 0;
                    insert.setString(++i, runId);
                    insert.setTimestamp(++i, Timestamp.from(at));
                    insert.setString(++i, report.model().name());
                    insert.setString(++i, report.model().version());
                    insert.setString(++i, s.period());
                    insert.setDate(++i, Date.valueOf(s.from()));
                    insert.setDate(++i, Date.valueOf(s.to()));
                    insert.setInt(++i, s.events());
                    insert.setInt(++i, s.fatalEvents());
                    i = figure(insert, i, s.macroF1());
                    i = figure(insert, i, s.macroRocAuc());
                    i = figure(insert, i, s.fatalRocAuc());
                    i = figure(insert, i, s.brier());
                    i = figure(insert, i, s.ece());
                    insert.setInt(++i, v.events());
                    i = figure(insert, i, v.macroF1());
                    i = figure(insert, i, v.fatalRocAuc());
                    i = figure(insert, i, v.brier());
                    figure(insert, i, v.ece());
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot write the monitoring run to model_monitoring: " + e.getMessage(), e);
        }
        return runId;
    }

    private static int figure(PreparedStatement insert, int i, double value) throws SQLException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            insert.setNull(i + 1, Types.DOUBLE);
        } else {
            insert.setDouble(i + 1, value);
        }
        return i + 1;
    }
}
