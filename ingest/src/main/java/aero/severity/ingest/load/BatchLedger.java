package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch ledger: {@code ingest_batches} (one row per load, DONE or FAILED, keyed on the file's
 * sha256), {@code ingest_batch_tables} (counts per table) and {@code ingest_rejects} (the rejected
 * rows with their reasons). A DONE row is written inside the load's transaction, so it exists exactly
 * when the rows do; a FAILED row is written after the rollback, on its own.
 */
final class BatchLedger {

    private static final Logger log = LoggerFactory.getLogger(BatchLedger.class);

    private final Connection db;

    BatchLedger(Connection db) {
        this.db = db;
    }

    /** The DONE batch that loaded this content, or null. */
    @Nullable
    Long done(String sha256) throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement("SELECT batch_id FROM ingest_batches WHERE sha256 = ? AND status = 'DONE'")) {
            query.setString(1, sha256);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Opens the DONE row inside the load's transaction; {@link #finish} completes it before the commit. */
    long open(BatchFile file) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO ingest_batches (file_name, file_size, sha256,"
                        + " source_kind, started_at, status) VALUES (?, ?, ?, ?, ?, 'DONE')",
                new String[] {"batch_id"})) {
            insert.setString(1, file.name());
            insert.setLong(2, file.fingerprint().size());
            insert.setString(3, file.sha256());
            insert.setString(4, file.kind().name());
            insert.setObject(5, OffsetDateTime.ofInstant(file.started(), ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Moves the staged rejects into ingest_rejects and writes the counts, per table and in all. */
    void finish(long batchId, Map<String, TableCounts> tables) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate(
                    "INSERT INTO ingest_rejects (batch_id, table_name, record_key, column_name, reason, raw_value)"
                            + " SELECT " + batchId + ", table_name, record_key, column_name, reason, raw_value FROM "
                            + Staging.SCHEMA + ".rejects");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO ingest_batch_tables (batch_id, table_name,"
                + " rows_read, rows_rejected, rows_loaded, rows_skipped) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (var entry : tables.entrySet()) {
                TableCounts c = entry.getValue();
                insert.setLong(1, batchId);
                insert.setString(2, entry.getKey());
                insert.setLong(3, c.read());
                insert.setLong(4, c.rejected());
                insert.setLong(5, c.loaded());
                insert.setLong(6, c.skipped());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE ingest_batches SET finished_at = ?, rows_read = ?,"
                + " rows_rejected = ?, rows_loaded = ? WHERE batch_id = ?")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            update.setLong(
                    2, tables.values().stream().mapToLong(TableCounts::read).sum());
            update.setLong(
                    3, tables.values().stream().mapToLong(TableCounts::rejected).sum());
            update.setLong(
                    4, tables.values().stream().mapToLong(TableCounts::loaded).sum());
            update.setLong(5, batchId);
            update.executeUpdate();
        }
    }

    /** Records a load that failed (after its rollback); a failure to record is logged, never thrown over the cause. */
    void failed(BatchFile file, String error) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO ingest_batches (file_name, file_size, sha256,"
                + " source_kind, started_at, finished_at, status, error) VALUES (?, ?, ?, ?, ?, ?, 'FAILED', ?)")) {
            db.setAutoCommit(true);
            insert.setString(1, file.name());
            insert.setLong(2, file.fingerprint().size());
            insert.setString(3, file.sha256());
            insert.setString(4, file.kind().name());
            insert.setObject(5, OffsetDateTime.ofInstant(file.started(), ZoneOffset.UTC));
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(7, error);
            insert.executeUpdate();
        } catch (SQLException e) {
            log.warn("cannot record the failed batch: {}", e.getMessage());
        }
    }
}
