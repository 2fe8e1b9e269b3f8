package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Scratch tables in schema {@code ingest_stage}, one per avall table with the target's columns plus
 * {@code _row} (the order rows were read). They are rebuilt at the start of every load, under the
 * load lock, so a killed load leaves nothing a rerun would trip over. They are not Flyway's: they
 * are copies of the migrated tables taken at load time, so they can never drift from them.
 */
abstract class Staging {

    static final String SCHEMA = "ingest_stage";

    protected final Connection db;

    Staging(Connection db) {
        this.db = db;
    }

    static Staging of(Connection db, Database database) {
        return database == Database.POSTGRES ? new PostgresStaging(db) : new H2Staging(db);
    }

    void prepare(List<TargetTable> tables) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            for (TargetTable table : tables) {
                st.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table.name());
                st.execute(createTable(table));
            }
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".rejects");
            st.execute(createScratch(
                    "rejects",
                    "table_name VARCHAR(30), record_key VARCHAR(200), column_name VARCHAR(40),"
                            + " reason VARCHAR(400), raw_value VARCHAR(400)"));
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".winners");
            st.execute(createScratch("winners", "ev_id VARCHAR(14) PRIMARY KEY"));
        }
    }

    void drop(List<TargetTable> tables) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (TargetTable table : tables) {
                st.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table.name());
            }
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".rejects");
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".winners");
        }
    }

    /** Indexes the staged keys so validation's duplicate and orphan checks are joins, not scans. */
    void index(TargetTable table) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE INDEX " + table.name() + "_stage_key ON " + SCHEMA + "." + table.name() + " ("
                    + String.join(", ", table.avall().key()) + ", _row)");
            analyze(st, table.name());
        }
    }

    abstract String createTable(TargetTable table);

    abstract String createScratch(String name, String columns);

    abstract void analyze(Statement st, String table) throws SQLException;

    /** Opens a writer for one table's rows; values are in the table's column order. */
    abstract RowWriter writer(TargetTable table) throws SQLException;

    interface RowWriter extends AutoCloseable {
        void write(@Nullable Object[] values, long row) throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
