package aero.severity.ingest.load;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A freshly migrated database of either vendor, with the helpers the loading tests assert through. */
abstract class TestDatabase implements AutoCloseable {

    abstract DataSource dataSource();

    abstract String jdbcUrl();

    abstract String user();

    abstract String password();

    static TestDatabase postgres(String name) {
        FreshDatabase fresh = FreshDatabase.create(name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(fresh.jdbcUrl());
        ds.setUser(fresh.user());
        ds.setPassword(fresh.password());
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        return new TestDatabase() {
            @Override
            DataSource dataSource() {
                return ds;
            }

            @Override
            String jdbcUrl() {
                return fresh.jdbcUrl();
            }

            @Override
            String user() {
                return fresh.user();
            }

            @Override
            String password() {
                return fresh.password();
            }

            @Override
            public void close() {
                fresh.close();
            }
        };
    }

    static TestDatabase h2(Path folder) {
        JdbcDataSource ds = new JdbcDataSource();
        String url = "jdbc:h2:file:" + folder.resolve("severity") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        ds.setURL(url);
        ds.setUser("severity");
        ds.setPassword("severity");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        return new TestDatabase() {
            @Override
            DataSource dataSource() {
                return ds;
            }

            @Override
            String jdbcUrl() {
                return url;
            }

            @Override
            String user() {
                return "severity";
            }

            @Override
            String password() {
                return "severity";
            }

            @Override
            public void close() {
                try (Connection db = ds.getConnection();
                        Statement st = db.createStatement()) {
                    st.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // already closed
                }
            }
        };
    }

    long count(String sql) throws SQLException {
        try (Connection db = dataSource().getConnection();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String string(String sql) throws SQLException {
        try (Connection db = dataSource().getConnection();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** SHA-256 over every row of every avall table (in key order), plus the reject list: "the data" as a value. */
    Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection db = dataSource().getConnection();
                Statement st = db.createStatement()) {
            for (AvallTable table : AvallTables.all()) {
                sums.put(
                        table.name(),
                        digest(st, "SELECT * FROM " + table.name() + " ORDER BY " + String.join(", ", table.key())));
            }
            sums.put(
                    "ingest_rejects",
                    digest(
                            st,
                            "SELECT table_name, record_key, column_name, reason, raw_value FROM"
                                    + " ingest_rejects ORDER BY table_name, record_key, reason"));
        }
        return sums;
    }

    private static String digest(Statement st, String sql) throws SQLException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long rows = 0;
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= n; i++) {
                        String value = rs.getString(i);
                        sha.update(
                                (value == null ? "\u0000" : value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        sha.update((byte) 31);
                    }
                }
            }
            return rows + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
