package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

import org.jspecify.annotations.Nullable;

/**
 * H2: no COPY and no UNLOGGED; staging tables are session-local temporary tables filled with batched
 * inserts. Temporary tables live outside the database file, so the heavy create-fill-drop churn of
 * staging never touches the MVStore file: a process killed while staging cannot leave it inconsistent
 * (with plain tables, H2 2.4 failed to reopen a file killed mid-staging, reading an R-tree page of the
 * spatial index as a plain one).
 */
final class H2Staging extends Staging {

    private static final int BATCH = 2_000;

    H2Staging(Connection db) {
        super(db);
    }

    @Override
    String createTable(TargetTable table) {
        return "CREATE LOCAL TEMPORARY TABLE " + SCHEMA + "." + table.name()
                + " AS SELECT t.*, CAST(NULL AS BIGINT) AS _row" + " FROM public." + table.name() + " t WITH NO DATA";
    }

    @Override
    String createScratch(String name, String columns) {
        return "CREATE LOCAL TEMPORARY TABLE " + SCHEMA + "." + name + " (" + columns + ")";
    }

    @Override
    void analyze(Statement st, String table) {
        // H2 keeps its own statistics
    }

    @Override
    RowWriter writer(TargetTable table) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(table.columns().size() + 1, "?"));
        PreparedStatement insert = db.prepareStatement("INSERT INTO " + SCHEMA + "." + table.name() + " ("
                + table.columnList() + ", _row) VALUES (" + marks + ")");
        return new RowWriter() {
            private int pending;

            @Override
            public void write(@Nullable Object[] values, long row) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.setLong(values.length + 1, row);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }

            @Override
            public void close() throws SQLException {
                try {
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                } finally {
                    insert.close();
                }
            }
        };
    }
}
