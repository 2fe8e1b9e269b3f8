package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database a load writes to, told once per load from the connection's metadata. */
enum Database {
    /** PostgreSQL + PostGIS: COPY staging, advisory lock, per-transaction work_mem. */
    POSTGRES,
    /** The embedded H2 + H2GIS file database: batched-insert staging, a JVM lock (one process opens the file). */
    H2;

    static Database of(Connection db) throws SQLException {
        return db.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres")
                ? POSTGRES
                : H2;
    }
}
