package aero.severity.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServicesExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServicesExtension.class)
class PostgresSchemaIT {

    private static FreshDatabase database;

    @BeforeAll
    static void migrate() {
        database = FreshDatabase.create("schema");
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void everyAvallTableHasItsRealPrimaryKey() throws SQLException {
        try (Connection db = database.connect()) {
            SchemaAssertions.assertEveryTableHasItsRealPrimaryKey(db);
        }
    }

    @Test
    void childRowsReferenceTheirParentAndGoWithIt() throws SQLException {
        try (Connection db = database.connect()) {
            SchemaAssertions.assertChildrenReferenceTheirParentsWithCascade(db);
        }
    }

    @Test
    void columnsHaveProperTypesNotTextEverywhere() throws SQLException {
        try (Connection db = database.connect()) {
            var events = SchemaAssertions.columnTypes(db, "events");
            assertThat(events)
                    .containsEntry("ev_date", "date")
                    .containsEntry("ev_time", "int2")
                    .containsEntry("lchg_date", "timestamp")
                    .containsEntry("dec_latitude", "float8")
                    .containsEntry("apt_dist", "float4")
                    .containsEntry("ev_highest_injury", "varchar")
                    .containsEntry("location", "geography");
            assertThat(events).hasSize(74); // the 71 avall columns, dec_latitude/dec_longitude and location
            assertThat(SchemaAssertions.columnTypes(db, "aircraft"))
                    .hasSize(93)
                    .containsEntry("aircraft_key", "int4")
                    .containsEntry("phase_flt_spec", "int4")
                    .containsEntry("unmanned", "bool");
            assertThat(SchemaAssertions.columnTypes(db, "flight_time")).containsEntry("flight_hours", "float4");
        }
    }

    @Test
    void locationIsAGeographyPointInWgs84() throws SQLException {
        try (Connection db = database.connect();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, srid FROM geography_columns WHERE f_table_name = 'events'"
                        + " AND f_geography_column = 'location'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("type")).isEqualToIgnoringCase("Point");
            assertThat(rs.getInt("srid")).isEqualTo(4326);
        }
    }

    @Test
    void theApiQueriesHaveTheirIndexes() throws SQLException {
        try (Connection db = database.connect()) {
            assertThat(SchemaAssertions.indexNames(db, "events"))
                    .contains(
                            "events_location_gist",
                            "events_ev_date_idx",
                            "events_state_date_idx",
                            "events_injury_date_idx",
                            "events_list_covering_idx");
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT am.amname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                    + " JOIN pg_am am ON am.oid = c.relam WHERE c.relname IN ('events_location_gist', 'events_list_covering_idx')"
                                    + " ORDER BY c.relname")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).contains("INCLUDE").contains("ev_highest_injury");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("gist");
            }
        }
    }

    @Test
    void aFileCanBeRecordedAsLoadedOnlyOnce() throws SQLException {
        try (Connection db = database.connect();
                Statement st = db.createStatement()) {
            String done = "INSERT INTO ingest_batches (file_name, file_size, sha256, source_kind, started_at, status)"
                    + " VALUES ('avall.mdb', 1, 'abc', 'ACCESS', now(), 'DONE')";
            st.execute(done);
            st.execute(done.replace("'DONE'", "'FAILED'"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute(done))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ingest_batches_done_sha256_uq");
        }
    }
}
