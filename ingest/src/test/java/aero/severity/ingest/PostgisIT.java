package aero.severity.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServicesExtension.class)
class PostgisIT {

    /** San Francisco International and Oakland International, 17.23 km apart on the ellipsoid. */
    private static final String SFO = "SRID=4326;POINT(-122.3790 37.6213)";

    private static final String OAK = "SRID=4326;POINT(-122.2210 37.7126)";

    @Test
    void geographyDistanceQueriesUseMetresOnTheEllipsoid(RealServices services) throws SQLException {
        try (Connection db =
                DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword())) {
            assertThat(within(db, 17_500)).isTrue();
            assertThat(within(db, 17_000)).isFalse();
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT ST_Distance('" + SFO + "'::geography, '" + OAK + "'::geography)")) {
                rs.next();
                assertThat(rs.getDouble(1)).isBetween(17_200.0, 17_270.0);
            }
        }
    }

    @Test
    void aFreshTestDatabaseHasPostgisAndIsGoneAfterClose(RealServices services) throws SQLException {
        String name;
        try (FreshDatabase fresh = FreshDatabase.create("postgis_it");
                Connection db = fresh.connect();
                ResultSet rs = db.createStatement().executeQuery("SELECT postgis_lib_version()")) {
            name = fresh.name();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("3.");
        }
        try (Connection admin =
                        DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
                PreparedStatement query =
                        admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private static boolean within(Connection db, double metres) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT ST_DWithin(?::geography, ?::geography, ?)")) {
            query.setString(1, SFO);
            query.setString(2, OAK);
            query.setDouble(3, metres);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
