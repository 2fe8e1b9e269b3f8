package aero.severity.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.ingest.source.SourceFile;
import aero.severity.ingest.source.SourceTable;
import aero.severity.ingest.source.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files as batches. A batch: under the {@link ImportLock}, unless the {@link BatchLedger} says
 * this content (sha256) was loaded before, {@link FileStager stage} every table of the file with its
 * rejects, then {@link BatchUpsert} validates and writes it in ONE transaction that also records the
 * batch as DONE. A file that cannot be read changes no avall data and leaves a FAILED batch row with
 * the reason.
 */
public final class BatchLoader {

    private static final Logger log = LoggerFactory.getLogger(BatchLoader.class);

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

    public IngestResult load(Path path, Progress progress) {
        Instant started = Instant.now();
        if (!Files.isRegularFile(path)) {
            throw new IngestException(path + " does not exist or is not a file");
        }
        BatchFile file;
        try {
            file = new BatchFile(path, FileFingerprint.of(path), SourceKind.of(path), started);
        } catch (UnreadableFileException e) {
            throw new IngestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try (Connection db = dataSource.getConnection()) {
            Database database = Database.of(db);
            try (ImportLock lock = ImportLock.acquire(db, database, lockWait)) {
                BatchLedger ledger = new BatchLedger(db);
                Long done = ledger.done(file.sha256());
                if (done != null) {
                    log.info(
                            "{} (sha256 {}) was loaded before as batch {}: nothing to do",
                            file.name(),
                            file.sha256(),
                            done);
                    return new IngestResult(
                            path,
                            file.sha256(),
                            IngestResult.Outcome.ALREADY_LOADED,
                            done,
                            Map.of(),
                            Duration.between(started, Instant.now()));
                }
                try {
                    return load(db, database, ledger, file, progress);
                } catch (SQLException | IOException | RuntimeException e) {
                    rollback(db);
                    String message = e instanceof UnreadableFileException
                            ? e.getMessage()
                            : "import of " + file.name() + " failed: " + e.getMessage();
                    ledger.failed(file, message);
                    throw new IngestException(message, e);
                }
            }
        } catch (SQLException e) {
            throw new IngestException(
                    "database error while importing " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private IngestResult load(Connection db, Database database, BatchLedger ledger, BatchFile file, Progress progress)
            throws SQLException, IOException {
        db.setAutoCommit(true);
        List<TargetTable> targets = new ArrayList<>();
        for (AvallTable table : AvallTables.all()) {
            targets.add(TargetTable.read(db, table));
        }
        Staging staging = Staging.of(db, database);
        try {
            Map<String, TableTally> tallies = new LinkedHashMap<>();
            Map<String, Long> parentOutsideFile = new HashMap<>();
            List<TargetTable> present = new ArrayList<>();
            try (SourceFile source = file.kind().open(file.path(), allowPartial)) {
                staging.prepare(targets);
                try (FileStager stager = new FileStager(db, staging, progress, tallies, parentOutsideFile)) {
                    for (SourceTable table : source.tables()) {
                        TargetTable target = targets.stream()
                                .filter(t -> t.name().equals(table.name()))
                                .findFirst()
                                .orElseThrow();
                        stager.stage(target, table);
                        present.add(target);
                    }
                }
            }
            progress.phase("validate");
            for (TargetTable target : present) {
                if (target.name().equals("events")) {
                    staging.index(target);
                }
            }
            BatchUpsert upsert = new BatchUpsert(db, database, present, tallies, parentOutsideFile);
            upsert.rejectOrphans();
            progress.phase("upsert");
            long batchId = upsert.commit(ledger, file, progress);
            staging.drop(targets);
            return new IngestResult(
                    file.path(),
                    file.sha256(),
                    IngestResult.Outcome.LOADED,
                    batchId,
                    upsert.counts(),
                    Duration.between(file.started(), Instant.now()));
        } catch (SQLException | IOException | RuntimeException e) {
            // the staged rows of a failed load are half a file: drop them now rather than leave them
            // in the database until the next load rebuilds the staging tables
            rollback(db);
            try {
                staging.drop(targets);
            } catch (SQLException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
    }

    private static void rollback(Connection db) {
        try {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
            db.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("rollback failed: {}", e.getMessage());
        }
    }
}
