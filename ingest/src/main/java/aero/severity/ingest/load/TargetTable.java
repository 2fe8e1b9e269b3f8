package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import aero.severity.ingest.avall.AvallTable;

/** An avall table as the migrated database defines it: the columns come from the database, not from code. */
record TargetTable(AvallTable avall, List<TargetColumn> columns) {

    static TargetTable read(Connection db, AvallTable avall) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? avall.name().toUpperCase(Locale.ROOT) : avall.name();
        List<TargetColumn> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, db.getSchema(), name, null)) {
            while (rs.next()) {
                columns.add(TargetColumn.of(
                        rs.getString("COLUMN_NAME"),
                        rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE")));
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("table " + avall.name() + " does not exist: the database is not migrated");
        }
        return new TargetTable(avall, List.copyOf(columns));
    }

    String name() {
        return avall.name();
    }

    String columnList() {
        return columns.stream().map(TargetColumn::name).collect(Collectors.joining(", "));
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code a.k1 = b.k1 AND a.k2 = b.k2} over the given key columns. */
    static String join(List<String> key, String a, String b) {
        return key.stream().map(k -> a + "." + k + " = " + b + "." + k).collect(Collectors.joining(" AND "));
    }

    /** The key as text for ingest_rejects.record_key: {@code ev_id/aircraft_key/...}. */
    static String keyText(List<String> key, String alias) {
        return key.size() == 1
                ? "CAST(" + alias + "." + key.get(0) + " AS VARCHAR(200))"
                : "CONCAT_WS('/', " + key.stream().map(k -> alias + "." + k).collect(Collectors.joining(", ")) + ")";
    }
}
