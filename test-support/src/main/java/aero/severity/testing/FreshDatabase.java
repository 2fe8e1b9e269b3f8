package aero.severity.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A new, empty PostgreSQL database on the real server (PostGIS comes from {@code template1}), so a
 * test class owns its schema and its rows: no leftovers from earlier runs, no interference between
 * test classes, and Flyway always migrates from scratch. Dropped at {@link #close()}.
 */
public final class FreshDatabase implements AutoCloseable {

    private final RealServices services;
    private final String name;
    private final String jdbcUrl;

    private FreshDatabase(RealServices services, String name) {
        this.services = services;
        this.name = name;
        this.jdbcUrl = jdbcUrlOn(services.jdbcUrl());
    }

    /** Creates a database named {@code t_<prefix>_<random>} on the server of {@link RealServices#get()}. */
    public static FreshDatabase create(String prefix) {
        RealServices services = RealServices.get();
        String safePrefix = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String name = "t_" + safePrefix.substring(0, Math.min(safePrefix.length(), 30)) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FreshDatabase database = new FreshDatabase(services, name);
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** This database behind another JDBC URL (its host, port and parameters), e.g. a pooler in front of the server. */
    public String jdbcUrlOn(String serverUrl) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    public String user() {
        return services.dbUser();
    }

    public String password() {
        return services.dbPassword();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, services.dbUser(), services.dbPassword());
    }

    /**
     * After a load an autovacuum worker may still be in the database; the test role cannot terminate
     * it, so {@code DROP ... WITH (FORCE)} fails until the worker is done: try again for up to 30 s (a loaded machine vacuums slowly).
     */
    @Override
    public void close() {
        for (int attempt = 1; ; attempt++) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (IllegalStateException e) {
                if (attempt == 60) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void admin(String sql) {
        try (Connection db = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot run `" + sql + "` on " + services.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }
}
