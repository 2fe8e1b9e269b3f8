package aero.severity.ingest.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.ingest.source.SourceFile;
import aero.severity.ingest.source.SourceTable;
import aero.severity.ingest.source.UnreadableFileException;
import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.DateTimeType;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;

/**
 * An NTSB Access database opened read-only. Opening checks what can be checked before loading: the
 * file is an Access database Jackcess can decode, has no database password, and holds the
 * {@code events} table with its key. Pages that are missing (a truncated file) surface while reading
 * rows, as {@link UnreadableFileException}.
 */
public final class AccessFile implements SourceFile {

    private final Path path;
    private final Database db;
    private final List<SourceTable> tables;

    private AccessFile(Path path, Database db, List<SourceTable> tables) {
        this.path = path;
        this.db = db;
        this.tables = tables;
    }

    public static AccessFile open(Path path) {
        return open(path, false);
    }

    /**
     * Opens an NTSB Access file for reading.
     *
     * @param partial accept a file without an {@code events} table (an extract of child tables only, e.g.
     *     engines and NTSB_Admin): its rows must then find their parents in the database
     */
    public static AccessFile open(Path path, boolean partial) {
        Database db;
        try {
            db = new DatabaseBuilder(path).setReadOnly(true).open();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(
                    path.getFileName() + " is not a readable Access database (corrupt, truncated" + " or encrypted): "
                            + e.getMessage(),
                    e);
        }
        try {
            db.setDateTimeType(DateTimeType.LOCAL_DATE_TIME);
            if (db.getDatabasePassword() != null) {
                throw new UnreadableFileException(
                        path.getFileName() + " is password-protected; remove the database password"
                                + " in Access (File > Info > Decrypt Database) and import the copy");
            }
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(db.getTableNames());
            if (!names.contains("events")
                    && !(partial && AvallTables.all().stream().anyMatch(t -> names.contains(t.accessName())))) {
                throw new UnreadableFileException(
                        path.getFileName() + " is not an NTSB avall database: it has no events table" + " (tables: "
                                + String.join(", ", names) + ")");
            }
            List<SourceTable> tables = new ArrayList<>();
            for (AvallTable avall : AvallTables.all()) {
                if (names.contains(avall.accessName())) {
                    Table table = db.getTable(names.stream()
                            .filter(n -> n.equalsIgnoreCase(avall.accessName()))
                            .findFirst()
                            .orElseThrow());
                    tables.add(new AccessTable(avall, table));
                }
            }
            for (SourceTable table : tables) {
                List<String> missing = requiredColumns(((AccessTable) table).avall()).stream()
                        .filter(required -> table.columns().stream().noneMatch(c -> c.equalsIgnoreCase(required)))
                        .toList();
                if (!missing.isEmpty()) {
                    // a table without its key (or an events table without ev_date) is another schema: every row
                    // would be rejected, so the load would "succeed" with nothing in it
                    throw new UnreadableFileException(path.getFileName() + " is not an NTSB avall database: its "
                            + table.name() + " table has no " + String.join(", ", missing));
                }
            }
            return new AccessFile(path, db, List.copyOf(tables));
        } catch (IOException | RuntimeException e) {
            closeQuietly(db);
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException(
                    path.getFileName() + " is not a readable Access database (corrupt or truncated): " + e.getMessage(),
                    e);
        }
    }

    private static List<String> requiredColumns(AvallTable avall) {
        return avall.name().equals("events") ? List.of("ev_id", "ev_date") : avall.key();
    }

    @Override
    public String kind() {
        return "ACCESS";
    }

    @Override
    public List<SourceTable> tables() {
        return tables;
    }

    @Override
    public void close() throws IOException {
        db.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static void closeQuietly(Database db) {
        try {
            db.close();
        } catch (IOException | RuntimeException ignored) {
            // already failing with the reason that matters
        }
    }

    private record AccessTable(AvallTable avall, Table table) implements SourceTable {

        @Override
        public String name() {
            return avall.name();
        }

        @Override
        public List<String> columns() {
            return table.getColumns().stream().map(Column::getName).toList();
        }

        @Override
        public long estimatedRows() {
            return table.getRowCount();
        }

        @Override
        public Iterator<Map<String, Object>> rows() {
            Iterator<Row> rows = table.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return rows.hasNext();
                    } catch (RuntimeException e) {
                        throw broken(e);
                    }
                }

                @Override
                public Map<String, Object> next() {
                    try {
                        return rows.next();
                    } catch (NoSuchElementException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw broken(e);
                    }
                }
            };
        }

        private UnreadableFileException broken(RuntimeException e) {
            Throwable cause = e instanceof UncheckedIOException || e.getCause() != null ? e.getCause() : e;
            return new UnreadableFileException(
                    "table " + table.getName() + " cannot be read (the file is corrupt or truncated): "
                            + (cause == null ? e : cause).getMessage(),
                    e);
        }
    }
}
