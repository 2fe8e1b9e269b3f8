package aero.severity.ingest.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** PostgreSQL: UNLOGGED staging tables filled with COPY (text format) through PgJDBC's CopyManager. */
final class PostgresStaging extends Staging {

    PostgresStaging(Connection db) {
        super(db);
    }

    @Override
    String createTable(TargetTable table) {
        return "CREATE UNLOGGED TABLE " + SCHEMA + "." + table.name() + " (LIKE public." + table.name()
                + ", _row bigint)";
    }

    @Override
    String createScratch(String name, String columns) {
        return "CREATE UNLOGGED TABLE " + SCHEMA + "." + name + " (" + columns + ")";
    }

    @Override
    void analyze(Statement st, String table) throws SQLException {
        st.execute("ANALYZE " + SCHEMA + "." + table);
    }

    @Override
    RowWriter writer(TargetTable table) throws SQLException {
        String sql = "COPY " + SCHEMA + "." + table.name() + " (" + table.columnList() + ", _row) FROM STDIN";
        PGCopyOutputStream out = new PGCopyOutputStream(db.unwrap(PGConnection.class), sql, 1 << 16);
        return new CopyWriter(out);
    }

    /** Formats rows in COPY's text format: tab separated, \N for null, backslash escapes. */
    private static final class CopyWriter implements RowWriter {
        private final OutputStream out;
        private final StringBuilder line = new StringBuilder(512);

        CopyWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(@Nullable Object[] values, long row) throws SQLException {
            line.setLength(0);
            for (Object value : values) {
                append(value);
                line.append('\t');
            }
            line.append(row).append('\n');
            try {
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new SQLException("COPY into staging failed: " + e.getMessage(), e);
            }
        }

        private void append(@Nullable Object value) {
            if (value == null) {
                line.append("\\N");
            } else if (value instanceof String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '\\' -> line.append("\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        case '\0' -> {} // PostgreSQL text cannot hold NUL; Access memo fields sometimes do
                        default -> line.append(c);
                    }
                }
            } else if (value instanceof Boolean b) {
                line.append(b ? 't' : 'f');
            } else if (value instanceof LocalDateTime t) {
                line.append(t.toLocalDate()).append(' ').append(t.toLocalTime());
            } else {
                line.append(value);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                out.close();
            } catch (IOException e) {
                throw new SQLException("COPY into staging failed: " + e.getMessage(), e);
            }
        }
    }
}
