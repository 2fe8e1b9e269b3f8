package aero.severity.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What every migrated database must hold, whichever vendor: read through JDBC metadata only. */
final class SchemaAssertions {

    static final Map<String, List<String>> PRIMARY_KEYS = Map.ofEntries(
            Map.entry("events", List.of("ev_id")),
            Map.entry("aircraft", List.of("ev_id", "aircraft_key")),
            Map.entry("engines", List.of("ev_id", "aircraft_key", "eng_no")),
            Map.entry("flight_crew", List.of("ev_id", "aircraft_key", "crew_no")),
            Map.entry("flight_time", List.of("ev_id", "aircraft_key", "crew_no", "flight_type", "flight_craft")),
            Map.entry("dt_flight_crew", List.of("ev_id", "aircraft_key", "crew_no", "col_name", "code")),
            Map.entry("injury", List.of("ev_id", "aircraft_key", "inj_person_category", "injury_level")),
            Map.entry("findings", List.of("ev_id", "aircraft_key", "finding_no")),
            Map.entry("occurrences", List.of("ev_id", "aircraft_key", "occurrence_no")),
            Map.entry("seq_of_events", List.of("ev_id", "aircraft_key", "occurrence_no", "seq_event_no", "group_code")),
            Map.entry("events_sequence", List.of("ev_id", "aircraft_key", "occurrence_no")),
            Map.entry("narratives", List.of("ev_id", "aircraft_key")),
            Map.entry("ntsb_admin", List.of("ev_id")),
            Map.entry("ct_iaids", List.of("ct_name", "code_iaids")),
            Map.entry("ct_seqevt", List.of("code")),
            Map.entry("states", List.of("state")),
            Map.entry("country", List.of("country_code")),
            Map.entry("ingest_batches", List.of("batch_id")),
            Map.entry("ingest_batch_tables", List.of("batch_id", "table_name")),
            Map.entry("ingest_rejects", List.of("reject_id")),
            Map.entry("ingest_fetches", List.of("fetch_id")),
            Map.entry("model_monitoring", List.of("run_id", "period")));

    /** child table -> parent table, every one ON DELETE CASCADE so a replaced event takes its rows along. */
    static final Map<String, String> PARENTS = Map.ofEntries(
            Map.entry("aircraft", "events"),
            Map.entry("ntsb_admin", "events"),
            Map.entry("engines", "aircraft"),
            Map.entry("flight_crew", "aircraft"),
            Map.entry("injury", "aircraft"),
            Map.entry("findings", "aircraft"),
            Map.entry("occurrences", "aircraft"),
            Map.entry("events_sequence", "aircraft"),
            Map.entry("narratives", "aircraft"),
            Map.entry("flight_time", "flight_crew"),
            Map.entry("dt_flight_crew", "flight_crew"),
            Map.entry("seq_of_events", "occurrences"),
            Map.entry("ingest_rejects", "ingest_batches"),
            Map.entry("ingest_batch_tables", "ingest_batches"),
            Map.entry("ingest_fetches", "ingest_batches"));

    private SchemaAssertions() {}

    static void assertEveryTableHasItsRealPrimaryKey(Connection db) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        for (var table : PRIMARY_KEYS.entrySet()) {
            Map<Integer, String> columns = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema(db), name(db, table.getKey()))) {
                while (rs.next()) {
                    columns.put(
                            rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            assertThat(new ArrayList<>(columns.values()))
                    .as("primary key of %s", table.getKey())
                    .containsExactlyElementsOf(table.getValue());
        }
    }

    static void assertChildrenReferenceTheirParentsWithCascade(Connection db) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        for (var child : PARENTS.entrySet()) {
            Set<String> parents = new HashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema(db), name(db, child.getKey()))) {
                while (rs.next()) {
                    parents.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                    assertThat(rs.getShort("DELETE_RULE"))
                            .as("delete rule of %s -> %s", child.getKey(), child.getValue())
                            .isEqualTo((short) DatabaseMetaData.importedKeyCascade);
                }
            }
            assertThat(parents).as("foreign keys of %s", child.getKey()).containsExactly(child.getValue());
        }
    }

    static Map<String, String> columnTypes(Connection db, String table) throws SQLException {
        Map<String, String> types = new TreeMap<>();
        try (ResultSet rs = db.getMetaData().getColumns(null, schema(db), name(db, table), null)) {
            while (rs.next()) {
                types.put(
                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return types;
    }

    static Set<String> indexNames(Connection db, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = db.getMetaData().getIndexInfo(null, schema(db), name(db, table), false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** H2 folds unquoted names to upper case, PostgreSQL to lower case. */
    private static String name(Connection db, String table) throws SQLException {
        return db.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static String schema(Connection db) throws SQLException {
        return db.getSchema();
    }
}
