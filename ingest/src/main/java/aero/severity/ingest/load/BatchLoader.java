package aero.severity.ingest.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import aero.severity.domain.EventLocation;
import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.ingest.source.SourceFile;
import aero.severity.ingest.source.SourceTable;
import aero.severity.ingest.source.Sources;
import aero.severity.ingest.source.UnreadableFileException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files as batches. A batch: stage every table of the file, validate (rejects with reasons),
 * then in ONE transaction upsert (an event replaces the stored one only when its lchg_date is newer,
 * and then all its rows replace the stored rows), verify the counts, and record the batch as DONE.
 * The same content twice is a no-op (sha256). A file that cannot be read changes no avall data and
 * leaves a FAILED batch row with the reason. Loads are serialised by a database-wide lock
 * (a PostgreSQL advisory lock; a JVM lock on the embedded H2, whose file only one process opens).
 */
public final class BatchLoader {

    private static final Logger log = LoggerFactory.getLogger(BatchLoader.class);
    /** pg_advisory_lock key: "ingest" in ASCII. */
    static final long LOCK_KEY = 0x696e67657374L;
    private static final ReentrantLock EMBEDDED_LOCK = new ReentrantLock();

    private static final String DUPLICATE = "duplicate key: the file holds this row more than once, the first is kept";

    private final DataSource dataSource;
    private final Duration lockWait;
    private final boolean allowPartial;

    /**
     * @param lockWait how long to wait for another import on the same database to finish
     * @param allowPartial accept Access files without an events table (child tables whose events are stored)
     */
    public BatchLoader(DataSource dataSource, Duration lockWait, boolean allowPartial) {
        this.dataSource = dataSource;
        this.lockWait = lockWait;
        this.allowPartial = allowPartial;
    }

    public BatchLoader(DataSource dataSource) {
        this(dataSource, Duration.ofMinutes(30), false);
    }

    public IngestResult load(Path file, Progress progress) {
        Instant started = Instant.now();
        if (!Files.isRegularFile(file)) {
            throw new IngestException(file + " does not exist or is not a file");
        }
        String kind;
        try {
            kind = Sources.kindOf(file);
        } catch (UnreadableFileException e) {
            throw new IngestException(e.getMessage(), e);
        }
        String sha256;
        long size;
        try {
            size = Files.size(file);
            sha256 = sha256(file);
        } catch (IOException e) {
            throw new IngestException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try (Connection db = dataSource.getConnection()) {
            boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            lock(db, postgres);
            try {
                Long done = doneBatch(db, sha256);
                if (done != null) {
                    log.info("{} (sha256 {}) was loaded before as batch {}: nothing to do", file.getFileName(), sha256, done);
                    return new IngestResult(file, sha256, IngestResult.Outcome.ALREADY_LOADED, done, Map.of(),
                            Duration.between(started, Instant.now()));
                }
                try {
                    return new Batch(db, file, sha256, size, kind, started, progress).run();
                } catch (SQLException | IOException | RuntimeException e) {
                    safeRollback(db);
                    String message = e instanceof UnreadableFileException ? e.getMessage()
                            : "import of " + file.getFileName() + " failed: " + e.getMessage();
                    recordFailure(db, file, size, sha256, kind, started, message);
                    throw new IngestException(message, e);
                }
            } finally {
                unlock(db, postgres);
            }
        } catch (SQLException e) {
            throw new IngestException("database error while importing " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------

    private final class Batch {
        private final Connection db;
        private final Path file;
        private final String sha256;
        private final long size;
        private final String kind;
        private final Instant started;
        private final Progress progress;
        private final Map<String, long[]> counts = new LinkedHashMap<>(); // read, rejected, loaded
        /** Keys of accepted rows of the tables other tables hang from (events, aircraft, flight_crew, occurrences). */
        private final Map<String, java.util.Set<String>> parentKeys = new java.util.HashMap<>();
        /** Per table: rows whose parent is not in the file, so only the database can have it. */
        private final Map<String, Long> parentOutsideFile = new java.util.HashMap<>();

        Batch(Connection db, Path file, String sha256, long size, String kind, Instant started, Progress progress) {
            this.db = db;
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
            this.kind = kind;
            this.started = started;
            this.progress = progress;
        }

        IngestResult run() throws SQLException, IOException {
            db.setAutoCommit(true);
            List<TargetTable> targets = new ArrayList<>();
            for (AvallTable table : AvallTables.all()) {
                targets.add(TargetTable.read(db, table));
            }
            Staging staging = Staging.of(db);
            try {
                return load(staging, targets);
            } catch (SQLException | IOException | RuntimeException e) {
                // the staged rows of a failed load are half a file: drop them now rather than leave them
                // in the database until the next load rebuilds the staging tables
                safeRollback(db);
                try {
                    staging.drop(targets);
                } catch (SQLException dropFailed) {
                    e.addSuppressed(dropFailed);
                }
                throw e;
            }
        }

        private IngestResult load(Staging staging, List<TargetTable> targets) throws SQLException, IOException {
            List<TargetTable> present = new ArrayList<>();
            try (SourceFile source = Sources.open(file, allowPartial)) {
                staging.prepare(targets);
                RejectWriter rejects = new RejectWriter(db);
                for (SourceTable table : source.tables()) {
                    TargetTable target = targets.stream().filter(t -> t.name().equals(table.name())).findFirst().orElseThrow();
                    stage(staging, target, table, rejects);
                    present.add(target);
                }
                rejects.close();
            }
            progress.phase("validate");
            for (TargetTable target : present) {
                if (target.name().equals("events")) {
                    staging.index(target);
                }
                if (parentOutsideFile.getOrDefault(target.name(), 0L) > 0) {
                    validate(target, present);
                }
            }
            progress.phase("upsert");
            long batchId = upsert(present);
            staging.drop(targets);
            Map<String, TableCounts> tables = new LinkedHashMap<>();
            counts.forEach((table, c) -> tables.put(table, new TableCounts(c[0], c[1], c[2], c[0] - c[1] - c[2])));
            return new IngestResult(file, sha256, IngestResult.Outcome.LOADED, batchId, tables,
                    Duration.between(started, Instant.now()));
        }

        private void stage(Staging staging, TargetTable target, SourceTable table, RejectWriter rejects) throws SQLException {
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
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> parents = avall.parent() == null ? null : parentKeys.get(avall.parent());
            boolean isParent = AvallTables.all().stream().anyMatch(t -> avall.name().equals(t.parent()));
            java.util.Set<String> confirmedKeys = new java.util.HashSet<>();
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
                    String problem = null;
                    String problemColumn = null;
                    Object problemValue = null;
                    for (int i = 0; i < values.length && problem == null; i++) {
                        if (sourceNames[i] == null) {
                            continue;
                        }
                        Object raw = row.get(sourceNames[i]);
                        try {
                            values[i] = ValueConverter.convert(columns.get(i), raw, key[i]);
                        } catch (RejectedValue e) {
                            problem = e.getMessage();
                            problemColumn = e.column();
                            problemValue = e.raw();
                        }
                        if (problem == null && key[i] && values[i] == null) {
                            problem = "key column is empty";
                            problemColumn = columns.get(i).name();
                        }
                    }
                    if (problem == null && events && values[evDate] == null) {
                        problem = "event date is missing";
                        problemColumn = "ev_date";
                    }
                    String keyValue = problem == null ? join(values, keyIndex) : null;
                    if (problem == null && !seen.add(keyValue)) {
                        problem = DUPLICATE;
                    }
                    boolean confirmed = true;
                    if (problem == null && avall.parent() != null && (parents == null || !parents.contains(join(values, parentIndex)))) {
                        outside++; // checked against the database in validation
                        confirmed = false;
                    }
                    if (problem != null) {
                        rejected++;
                        rejects.add(table.name(), rawKey(avall, row, sourceNames, target), problemColumn, problem,
                                problemValue == null ? null : String.valueOf(problemValue));
                        continue;
                    }
                    if (events) {
                        EventLocation where = EventLocation.of((Double) values[decLat], (Double) values[decLon],
                                (String) values[lat], (String) values[lon]);
                        // extended WKT, which PostgreSQL's geography and H2's geometry both read from text
                        values[location] = where == null ? null
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
            counts.put(table.name(), new long[] {read, rejected, 0});
            parentOutsideFile.put(table.name(), outside);
            if (isParent) {
                parentKeys.put(table.name(), confirmedKeys);
            }
        }

        private static String join(Object[] values, int[] indexes) {
            StringBuilder key = new StringBuilder(40);
            for (int i : indexes) {
                key.append(values[i]).append('\u0001');
            }
            return key.toString();
        }

        private String rawKey(AvallTable avall, Map<String, Object> row, String[] sourceNames, TargetTable target) {
            List<String> parts = new ArrayList<>();
            for (String k : avall.key()) {
                String source = sourceNames[target.indexOf(k)];
                Object value = source == null ? null : row.get(source);
                parts.add(value == null ? "" : value.toString().strip());
            }
            return String.join("/", parts);
        }

        /**
         * Rows whose parent is not in the file must have it in the database, or they are orphans. (Duplicate
         * keys and parents within the file were checked while reading, in memory: a full avall file never
         * needs this query.)
         */
        private void validate(TargetTable target, List<TargetTable> present) throws SQLException {
            AvallTable avall = target.avall();
            long rejected = 0;
            if (avall.parent() != null) {
                String parent = avall.parent();
                boolean parentStaged = present.stream().anyMatch(t -> t.name().equals(parent));
                String orphan = "NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE "
                        + TargetTable.join(avall.parentKey(), "p", "s") + ")"
                        + (parentStaged ? " AND NOT EXISTS (SELECT 1 FROM " + Staging.SCHEMA + "." + parent + " p WHERE "
                                + TargetTable.join(avall.parentKey(), "p", "s") + ")" : "");
                rejected += reject(target, orphan, "no " + parent + " row with this key in the file or the database");
            }
            counts.get(target.name())[1] += rejected;
        }

        private long reject(TargetTable target, String condition, String reason) throws SQLException {
            String stage = Staging.SCHEMA + "." + target.name();
            try (Statement st = db.createStatement()) {
                int n = st.executeUpdate("INSERT INTO " + Staging.SCHEMA + ".rejects (table_name, record_key, reason)"
                        + " SELECT '" + target.name() + "', " + TargetTable.keyText(target.avall().key(), "s") + ", '"
                        + reason.replace("'", "''") + "' FROM " + stage + " s WHERE " + condition);
                if (n > 0) {
                    st.executeUpdate("DELETE FROM " + stage + " s WHERE " + condition);
                }
                return n;
            }
        }

        private long upsert(List<TargetTable> present) throws SQLException {
            boolean eventsStaged = present.stream().anyMatch(t -> t.name().equals("events"));
            if (eventsStaged) {
                // Chosen before the transaction (the load lock keeps the stored events as they are), so the
                // transaction writes only to the real tables: H2 cannot recover an undo log that names a
                // temporary table after a kill.
                try (Statement st = db.createStatement()) {
                    st.executeUpdate("INSERT INTO " + Staging.SCHEMA + ".winners (ev_id) SELECT s.ev_id FROM "
                            + Staging.SCHEMA + ".events s LEFT JOIN events e ON e.ev_id = s.ev_id WHERE e.ev_id IS NULL"
                            + " OR (s.lchg_date IS NOT NULL AND (e.lchg_date IS NULL OR s.lchg_date > e.lchg_date))");
                }
            }
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                if (db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                    st.execute("SET LOCAL work_mem = '256MB'"); // hash joins of staged keys stay in memory
                }
                long batchId = insertBatch();
                // EXISTS rather than IN (subquery): H2 re-runs an IN subquery per row
                String winner = "EXISTS (SELECT 1 FROM " + Staging.SCHEMA + ".winners w WHERE w.ev_id = x.ev_id)";
                if (eventsStaged) {
                    // the foreign keys cascade: a replaced event's stored rows all go, its new rows come in below
                    st.executeUpdate("DELETE FROM events x WHERE " + winner);
                }
                for (TargetTable target : present) {
                    long tableStart = System.nanoTime();
                    AvallTable avall = target.avall();
                    String stage = Staging.SCHEMA + "." + target.name();
                    String columns = target.columnList();
                    long loaded;
                    if (!avall.eventData()) {
                        st.executeUpdate("DELETE FROM " + target.name() + " t WHERE EXISTS (SELECT 1 FROM " + stage + " s WHERE "
                                + TargetTable.join(avall.key(), "s", "t") + ")");
                        loaded = st.executeUpdate("INSERT INTO " + target.name() + " (" + columns + ") SELECT " + columns
                                + " FROM " + stage);
                    } else {
                        loaded = eventsStaged ? st.executeUpdate("INSERT INTO " + target.name() + " (" + columns + ") SELECT "
                                + columns + " FROM " + stage + " x WHERE " + winner) : 0;
                        if (!target.name().equals("events") && parentOutsideFile.getOrDefault(target.name(), 0L) > 0) {
                            // rows of events the file does not carry (their parent is stored): add what is missing
                            loaded += st.executeUpdate("INSERT INTO " + target.name() + " (" + columns + ") SELECT " + columns
                                    + " FROM " + stage + " s WHERE " + (eventsStaged ? "NOT EXISTS (SELECT 1 FROM "
                                    + Staging.SCHEMA + ".events x WHERE x.ev_id = s.ev_id) AND " : "")
                                    + "NOT EXISTS (SELECT 1 FROM " + target.name() + " t WHERE "
                                    + TargetTable.join(avall.key(), "t", "s") + ")");
                        }
                        if (eventsStaged) {
                            verify(st, target, winner, stage);
                        }
                    }
                    counts.get(target.name())[2] = loaded;
                    log.debug("upsert {}: {} rows in {} ms", target.name(), loaded, (System.nanoTime() - tableStart) / 1_000_000);
                }
                progress.phase("record batch");
                finishBatch(batchId);
                db.commit();
                return batchId;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }

        /** The stored rows of the events this batch wrote must be exactly the staged ones. */
        private void verify(Statement st, TargetTable target, String winner, String stage) throws SQLException {
            long stored = count(st, "SELECT count(*) FROM " + target.name() + " x WHERE " + winner);
            long staged = count(st, "SELECT count(*) FROM " + stage + " x WHERE " + winner);
            if (stored != staged) {
                throw new SQLException("verification failed for " + target.name() + ": " + staged + " rows staged for the"
                        + " loaded events but " + stored + " stored");
            }
        }

        private long insertBatch() throws SQLException {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ingest_batches (file_name, file_size, sha256,"
                    + " source_kind, started_at, status) VALUES (?, ?, ?, ?, ?, 'DONE')", new String[] {"batch_id"})) {
                insert.setString(1, file.getFileName().toString());
                insert.setLong(2, size);
                insert.setString(3, sha256);
                insert.setString(4, kind);
                insert.setObject(5, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        private void finishBatch(long batchId) throws SQLException {
            try (Statement st = db.createStatement()) {
                st.executeUpdate("INSERT INTO ingest_rejects (batch_id, table_name, record_key, column_name, reason, raw_value)"
                        + " SELECT " + batchId + ", table_name, record_key, column_name, reason, raw_value FROM "
                        + Staging.SCHEMA + ".rejects");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ingest_batch_tables (batch_id, table_name,"
                    + " rows_read, rows_rejected, rows_loaded, rows_skipped) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (var entry : counts.entrySet()) {
                    long[] c = entry.getValue();
                    insert.setLong(1, batchId);
                    insert.setString(2, entry.getKey());
                    insert.setLong(3, c[0]);
                    insert.setLong(4, c[1]);
                    insert.setLong(5, c[2]);
                    insert.setLong(6, c[0] - c[1] - c[2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long read = counts.values().stream().mapToLong(c -> c[0]).sum();
            long rejected = counts.values().stream().mapToLong(c -> c[1]).sum();
            long loaded = counts.values().stream().mapToLong(c -> c[2]).sum();
            try (PreparedStatement update = db.prepareStatement("UPDATE ingest_batches SET finished_at = ?, rows_read = ?,"
                    + " rows_rejected = ?, rows_loaded = ? WHERE batch_id = ?")) {
                update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                update.setLong(2, read);
                update.setLong(3, rejected);
                update.setLong(4, loaded);
                update.setLong(5, batchId);
                update.executeUpdate();
            }
        }
    }

    /** Rejects found while reading rows, written to the staging rejects table in batches. */
    private static final class RejectWriter implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;

        RejectWriter(Connection db) throws SQLException {
            insert = db.prepareStatement("INSERT INTO " + Staging.SCHEMA + ".rejects (table_name, record_key, column_name,"
                    + " reason, raw_value) VALUES (?, ?, ?, ?, ?)");
        }

        void add(String table, String key, @Nullable String column, String reason, @Nullable String raw) throws SQLException {
            insert.setString(1, table);
            insert.setString(2, clip(key, 200));
            insert.setString(3, column);
            insert.setString(4, clip(reason, 400));
            insert.setString(5, raw == null ? null : clip(raw, 400));
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

    // ------------------------------------------------------------------------------------------

    private void lock(Connection db, boolean postgres) throws SQLException {
        if (!postgres) {
            EMBEDDED_LOCK.lock();
            return;
        }
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            log.info("another import is running on this database; waiting up to {} for it to finish", lockWait);
            st.execute("SET lock_timeout = " + Math.max(1, lockWait.toMillis()));
            try {
                st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            } catch (SQLException e) {
                throw new IngestException("another import is still running on this database after " + lockWait
                        + "; try again when it has finished", e);
            } finally {
                st.execute("SET lock_timeout = 0");
            }
        }
    }

    private void unlock(Connection db, boolean postgres) {
        if (!postgres) {
            if (EMBEDDED_LOCK.isHeldByCurrentThread()) {
                EMBEDDED_LOCK.unlock();
            }
            return;
        }
        try (Statement st = db.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("cannot release the import lock (it goes with the connection): {}", e.getMessage());
        }
    }

    private static @Nullable Long doneBatch(Connection db, String sha256) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT batch_id FROM ingest_batches WHERE sha256 = ? AND status = 'DONE'")) {
            query.setString(1, sha256);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void recordFailure(Connection db, Path file, long size, String sha256, String kind, Instant started,
            String error) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO ingest_batches (file_name, file_size, sha256,"
                + " source_kind, started_at, finished_at, status, error) VALUES (?, ?, ?, ?, ?, ?, 'FAILED', ?)")) {
            db.setAutoCommit(true);
            insert.setString(1, file.getFileName().toString());
            insert.setLong(2, size);
            insert.setString(3, sha256);
            insert.setString(4, kind);
            insert.setObject(5, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(7, error);
            insert.executeUpdate();
        } catch (SQLException e) {
            log.warn("cannot record the failed batch: {}", e.getMessage());
        }
    }

    private static void safeRollback(Connection db) {
        try {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
            db.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("rollback failed: {}", e.getMessage());
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
