package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises loads on one database: a PostgreSQL advisory lock held by the load's connection (it goes
 * with the connection if the process dies), or a JVM lock on the embedded H2, whose file only one
 * process opens. Waits up to the configured time for another import to finish, then refuses.
 */
final class ImportLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportLock.class);
    /** pg_advisory_lock key: "ingest" in ASCII. */
    static final long KEY = 0x696e67657374L;

    private static final ReentrantLock EMBEDDED = new ReentrantLock();

    private final Connection db;
    private final Database database;

    private ImportLock(Connection db, Database database) {
        this.db = db;
        this.database = database;
    }

    static ImportLock acquire(Connection db, Database database, Duration wait) throws SQLException {
        if (database == Database.H2) {
            EMBEDDED.lock();
            return new ImportLock(db, database);
        }
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new ImportLock(db, database);
                }
            }
            log.info("another import is running on this database; waiting up to {} for it to finish", wait);
            st.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            try {
                st.execute("SELECT pg_advisory_lock(" + KEY + ")");
                return new ImportLock(db, database);
            } catch (SQLException e) {
                throw new IngestException(
                        "another import is still running on this database after " + wait
                                + "; try again when it has finished",
                        e);
            } finally {
                st.execute("SET lock_timeout = 0");
            }
        }
    }

    @Override
    public void close() {
        if (database == Database.H2) {
            if (EMBEDDED.isHeldByCurrentThread()) {
                EMBEDDED.unlock();
            }
            return;
        }
        try (Statement st = db.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("cannot release the import lock (it goes with the connection): {}", e.getMessage());
        }
    }
}
