package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aero.severity.ingest.avall.AvallTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From staged rows to stored ones. Validation first: a staged row whose parent is neither in the file
 * nor in the database is an orphan and is rejected. Then ONE transaction: an event replaces the stored
 * one only when its lchg_date is newer (and then all its rows replace the stored rows, the foreign keys
 * cascading the old ones away); code tables replace by key; the stored rows of every written event are
 * counted against the staged ones; the batch is recorded DONE; commit.
 */
final class BatchUpsert {

    private static final Logger log = LoggerFactory.getLogger(BatchUpsert.class);
    /** EXISTS rather than IN (subquery): H2 re-runs an IN subquery per row. */
    private static final String WINNER =
            "EXISTS (SELECT 1 FROM " + Staging.SCHEMA + ".winners w WHERE w.ev_id = x.ev_id)";

    private final Connection db;
    private final Database database;
    private final List<TargetTable> present;
    private final Map<String, TableTally> tallies;
    private final Map<String, Long> parentOutsideFile;
    private final boolean eventsStaged;

    BatchUpsert(
            Connection db,
            Database database,
            List<TargetTable> present,
            Map<String, TableTally> tallies,
            Map<String, Long> parentOutsideFile) {
        this.db = db;
        this.database = database;
        this.present = present;
        this.tallies = tallies;
        this.parentOutsideFile = parentOutsideFile;
        this.eventsStaged = present.stream().anyMatch(t -> t.name().equals("events"));
    }

    /**
     * Rows whose parent is not in the file must have it in the database, or they are orphans. (Duplicate
     * keys and parents within the file were checked while reading, in memory: a full avall file never
     * needs this query.)
     */
    void rejectOrphans() throws SQLException {
        for (TargetTable target : present) {
            AvallTable avall = target.avall();
            if (avall.parent() == null || parentOutsideFile.getOrDefault(target.name(), 0L) == 0) {
                continue;
            }
            String parent = avall.parent();
            boolean parentStaged = present.stream().anyMatch(t -> t.name().equals(parent));
            String orphan = "NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE "
                    + TargetTable.join(avall.parentKey(), "p", "s") + ")"
                    + (parentStaged
                            ? " AND NOT EXISTS (SELECT 1 FROM " + Staging.SCHEMA + "." + parent + " p WHERE "
                                    + TargetTable.join(avall.parentKey(), "p", "s") + ")"
                            : "");
            tallies.get(target.name())
                    .rejected(
                            reject(target, orphan, "no " + parent + " row with this key in the file or the database"));
        }
    }

    private long reject(TargetTable target, String condition, String reason) throws SQLException {
        String stage = Staging.SCHEMA + "." + target.name();
        try (Statement st = db.createStatement()) {
            int n = st.executeUpdate("INSERT INTO " + Staging.SCHEMA + ".rejects (table_name, record_key, reason)"
                    + " SELECT '" + target.name() + "', "
                    + TargetTable.keyText(target.avall().key(), "s") + ", '"
                    + reason.replace("'", "''") + "' FROM " + stage + " s WHERE " + condition);
            if (n > 0) {
                st.executeUpdate("DELETE FROM " + stage + " s WHERE " + condition);
            }
            return n;
        }
    }

    /** Writes the batch in one transaction and returns its id; on any failure the database is as it was. */
    long commit(BatchLedger ledger, BatchFile file, Progress progress) throws SQLException {
        if (eventsStaged) {
            // Chosen before the transaction (the load lock keeps the stored events as they are), so the
            // transaction writes only to the real tables: H2 cannot recover an undo log that names a
            // temporary table after a kill.
            try (Statement st = db.createStatement()) {
                st.executeUpdate("INSERT INTO " + Staging.SCHEMA + ".winners (ev_id) SELECT s.ev_id FROM "
                        + Staging.SCHEMA + ".events s LEFT JOIN events e ON e.ev_id = s.ev_id WHERE e.ev_id IS NULL"
                        + " OR (s.lchg_date IS NOT NULL AND (e.lchg_date IS NULL OR s.lchg_date > e.lchg_date))");
            }
        }
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            if (database == Database.POSTGRES) {
                st.execute("SET LOCAL work_mem = '256MB'"); // hash joins of staged keys stay in memory
            }
            long batchId = ledger.open(file);
            if (eventsStaged) {
                // the foreign keys cascade: a replaced event's stored rows all go, its new rows come in below
                st.executeUpdate("DELETE FROM events x WHERE " + WINNER);
            }
            for (TargetTable target : present) {
                long tableStart = System.nanoTime();
                long loaded = write(st, target);
                tallies.get(target.name()).loaded(loaded);
                log.debug(
                        "upsert {}: {} rows in {} ms",
                        target.name(),
                        loaded,
                        (System.nanoTime() - tableStart) / 1_000_000);
            }
            progress.phase("record batch");
            ledger.finish(batchId, counts());
            db.commit();
            return batchId;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    Map<String, TableCounts> counts() {
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        tallies.forEach((table, tally) -> counts.put(table, tally.counts()));
        return counts;
    }

    private long write(Statement st, TargetTable target) throws SQLException {
        AvallTable avall = target.avall();
        String stage = Staging.SCHEMA + "." + target.name();
        String columns = target.columnList();
        if (!avall.eventData()) {
            st.executeUpdate("DELETE FROM " + target.name() + " t WHERE EXISTS (SELECT 1 FROM " + stage + " s WHERE "
                    + TargetTable.join(avall.key(), "s", "t") + ")");
            return st.executeUpdate(
                    "INSERT INTO " + target.name() + " (" + columns + ") SELECT " + columns + " FROM " + stage);
        }
        long loaded = eventsStaged
                ? st.executeUpdate("INSERT INTO " + target.name() + " (" + columns + ") SELECT " + columns + " FROM "
                        + stage + " x WHERE " + WINNER)
                : 0;
        if (!target.name().equals("events") && parentOutsideFile.getOrDefault(target.name(), 0L) > 0) {
            // rows of events the file does not carry (their parent is stored): add what is missing
            loaded += st.executeUpdate("INSERT INTO " + target.name() + " (" + columns + ") SELECT " + columns
                    + " FROM " + stage + " s WHERE "
                    + (eventsStaged
                            ? "NOT EXISTS (SELECT 1 FROM " + Staging.SCHEMA + ".events x WHERE x.ev_id = s.ev_id) AND "
                            : "")
                    + "NOT EXISTS (SELECT 1 FROM " + target.name() + " t WHERE "
                    + TargetTable.join(avall.key(), "t", "s") + ")");
        }
        if (eventsStaged) {
            verify(st, target, stage);
        }
        return loaded;
    }

    /** The stored rows of the events this batch wrote must be exactly the staged ones. */
    private static void verify(Statement st, TargetTable target, String stage) throws SQLException {
        long stored = count(st, "SELECT count(*) FROM " + target.name() + " x WHERE " + WINNER);
        long staged = count(st, "SELECT count(*) FROM " + stage + " x WHERE " + WINNER);
        if (stored != staged) {
            throw new SQLException("verification failed for " + target.name() + ": " + staged + " rows staged for the"
                    + " loaded events but " + stored + " stored");
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
