package aero.severity.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded variant: the same tables, keys and indexes on an H2 file database with H2GIS. */
class H2SchemaIT {

    @TempDir
    static Path folder;

    private static String url;

    @BeforeAll
    static void migrate() {
        url = "jdbc:h2:file:" + folder.resolve("severity") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        Flyway.configure()
                .dataSource(url, "severity", "severity")
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "severity", "severity");
    }

    @Test
    void everyAvallTableHasItsRealPrimaryKey() throws SQLException {
        try (Connection db = connect()) {
            SchemaAssertions.assertEveryTableHasItsRealPrimaryKey(db);
        }
    }

    @Test
    void childRowsReferenceTheirParentAndGoWithIt() throws SQLException {
        try (Connection db = connect()) {
            SchemaAssertions.assertChildrenReferenceTheirParentsWithCascade(db);
        }
    }

    @Test
    void columnsHaveTheSameNamesAsOnPostgres() throws SQLException {
        try (Connection db = connect()) {
            var events = SchemaAssertions.columnTypes(db, "events");
            assertThat(events)
                    .hasSize(74)
                    .containsEntry("ev_date", "date")
                    .containsEntry("location", "geometry(point, 4326)");
            assertThat(SchemaAssertions.columnTypes(db, "aircraft")).hasSize(93);
        }
    }

    @Test
    void spatialFunctionsAndIndexWork() throws SQLException {
        try (Connection db = connect();
                Statement st = db.createStatement()) {
            st.execute("INSERT INTO events (ev_id, ev_date, location) VALUES ('20200101X00001', DATE '2020-01-01',"
                    + " ST_GeomFromText('POINT(-122.379 37.6213)', 4326))");
            try (ResultSet rs = st.executeQuery("SELECT ev_id, ST_SRID(location) FROM events WHERE location &&"
                    + " ST_Expand(ST_GeomFromText('POINT(-122.3 37.6)', 4326), 0.5, 0.5)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(4326);
            }
            st.execute("DELETE FROM events");
            assertThat(SchemaAssertions.indexNames(db, "events"))
                    .contains(
                            "events_location_gist",
                            "events_ev_date_idx",
                            "events_state_date_idx",
                            "events_injury_date_idx",
                            "events_list_covering_idx");
        }
    }
}
