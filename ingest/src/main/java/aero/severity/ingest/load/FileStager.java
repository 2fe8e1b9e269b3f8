package aero.severity.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import aero.severity.domain.EventLocation;
import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.ingest.source.SourceTable;
import org.jspecify.annotations.Nullable;

/**
 * Stages the tables of one file, in the file's order (parents before children), and rejects on the way
 * the rows that cannot load: a value its column cannot hold, an empty key, an event without a date, a
 * key the file holds twice (the first is kept). Rows whose parent is not in the file are counted: only
 * the database can have that parent, and {@link BatchUpsert} asks it.
 */
final class FileStager implements AutoCloseable {

    private static final String DUPLICATE = "duplicate key: the file holds this row more than once, the first is kept";

    private final Staging staging;
    private final Progress progress;
    private final RejectWriter rejects;
    private final Map<String, TableTally> tallies;
    /** Keys of accepted rows of the tables other tables hang from (events, aircraft, flight_crew, occurrences). */
    private final Map<String, Set<String>> parentKeys = new HashMap<>();
    /** Per table: rows whose parent is not in the file, so only the database can have it. */
    private final Map<String, Long> parentOutsideFile;

    FileStager(
            Connection db,
            Staging staging,
            Progress progress,
            Map<String, TableTally> tallies,
            Map<String, Long> parentOutsideFile)
            throws SQLException {
        this.staging = staging;
        this.progress = progress;
        this.tallies = tallies;
        this.parentOutsideFile = parentOutsideFile;
        this.rejects = new RejectWriter(db);
    }

    void stage(TargetTable target, SourceTable table) throws SQLException {
        AvallTable avall = target.avall();
        List<TargetColumn> columns = target.columns();
        String[] sourceNames = new String[columns.size()];
        for (String column : table.columns()) {
            int index = target.indexOf(column.toLowerCase(Locale.ROOT));
            if (index >= 0) {
                sourceNames[index] = column;
            }
        }
        boolean[] key = new boolean[columns.size()];
        for (String k : avall.key()) {
            key[target.indexOf(k)] = true;
        }
        boolean events = avall.name().equals("events");
        int evDate = target.indexOf("ev_date");
        int location = target.indexOf("location");
        int decLat = target.indexOf("dec_latitude");
        int decLon = target.indexOf("dec_longitude");
        int lat = target.indexOf("latitude");
        int lon = target.indexOf("longitude");

        int[] keyIndex = avall.key().stream().mapToInt(target::indexOf).toArray();
        int[] parentIndex = avall.parentKey().stream().mapToInt(target::indexOf).toArray();
        Set<String> seen = new HashSet<>();
        Set<String> parents = avall.parent() == null ? null : parentKeys.get(avall.parent());
        boolean isParent = AvallTables.all().stream().anyMatch(t -> avall.name().equals(t.parent()));
        Set<String> confirmedKeys = new HashSet<>();
        long outside = 0;

        progress.tableStarted(table.name(), table.estimatedRows());
        long read = 0;
        long rejected = 0;
        try (Staging.RowWriter writer = staging.writer(target)) {
            Iterator<Map<String, Object>> rows = table.rows();
            while (rows.hasNext()) {
                Map<String, Object> row = rows.next();
                read++;
                Object[] values = new Object[columns.size()];
                Rejection rejection = convert(row, columns, sourceNames, key, values);
                if (rejection == null && events && values[evDate] == null) {
                    rejection = Rejection.of("ev_date", "event date is missing");
                }
                String keyValue = rejection == null ? join(values, keyIndex) : null;
                if (rejection == null && !seen.add(keyValue)) {
                    rejection = Rejection.of(null, DUPLICATE);
                }
                if (rejection != null) {
                    rejected++;
                    rejects.add(table.name(), rawKey(avall, row, sourceNames, target), rejection);
                    continue;
                }
                boolean confirmed = true;
                if (avall.parent() != null && (parents == null || !parents.contains(join(values, parentIndex)))) {
                    outside++; // checked against the database in validation
                    confirmed = false;
                }
                if (events) {
                    EventLocation where = EventLocation.of(
                            (Double) values[decLat], (Double) values[decLon], (String) values[lat], (String)
                                    values[lon]);
                    // extended WKT, which PostgreSQL's geography and H2's geometry both read from text
                    values[location] = where == null
                            ? null
                            : "SRID=4326;POINT(" + where.longitude() + " " + where.latitude() + ")";
                }
                if (isParent && confirmed) {
                    confirmedKeys.add(keyValue); // only rows whose own parent is certain vouch for their children
                }
                writer.write(values, read);
                if ((read & 0x3FFF) == 0) {
                    progress.rowsRead(table.name(), read);
                }
            }
        }
        progress.tableFinished(table.name(), read, rejected);
        TableTally tally = new TableTally();
        tally.read(read);
        tally.rejected(rejected);
        tallies.put(table.name(), tally);
        parentOutsideFile.put(table.name(), outside);
        if (isParent) {
            parentKeys.put(table.name(), confirmedKeys);
        }
    }

    /** Fills {@code values} in column order; the first value that cannot load, or an empty key, rejects the row. */
    private static @Nullable Rejection convert(
            Map<String, Object> row, List<TargetColumn> columns, String[] sourceNames, boolean[] key, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (sourceNames[i] == null) {
                continue;
            }
            try {
                values[i] = ValueConverter.convert(columns.get(i), row.get(sourceNames[i]), key[i]);
            } catch (RejectedValue e) {
                return e.rejection();
            }
            if (key[i] && values[i] == null) {
                return Rejection.of(columns.get(i).name(), "key column is empty");
            }
        }
        return null;
    }

    private static String join(Object[] values, int[] indexes) {
        StringBuilder key = new StringBuilder(40);
        for (int i : indexes) {
            key.append(values[i]).append('\u0001');
        }
        return key.toString();
    }

    private static String rawKey(AvallTable avall, Map<String, Object> row, String[] sourceNames, TargetTable target) {
        List<String> parts = new ArrayList<>();
        for (String k : avall.key()) {
            String source = sourceNames[target.indexOf(k)];
            Object value = source == null ? null : row.get(source);
            parts.add(value == null ? "" : value.toString().strip());
        }
        return String.join("/", parts);
    }

    @Override
    public void close() throws SQLException {
        rejects.close();
    }

    /** Rejects found while reading rows, written to the staging rejects table in batches. */
    private static final class RejectWriter implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;

        RejectWriter(Connection db) throws SQLException {
            insert = db.prepareStatement("INSERT INTO " + Staging.SCHEMA
                    + ".rejects (table_name, record_key, column_name," + " reason, raw_value) VALUES (?, ?, ?, ?, ?)");
        }

        void add(String table, String key, Rejection rejection) throws SQLException {
            insert.setString(1, table);
            insert.setString(2, clip(key, 200));
            insert.setString(3, rejection.column());
            insert.setString(4, clip(rejection.reason(), 400));
            insert.setString(5, rejection.raw() == null ? null : clip(rejection.raw(), 400));
            insert.addBatch();
            if (++pending == 1_000) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
        }

        private static String clip(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max);
        }
    }
}
