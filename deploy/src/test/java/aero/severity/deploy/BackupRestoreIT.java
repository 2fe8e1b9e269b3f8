package aero.severity.deploy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/backup.sh and scripts/restore.sh on the real PostgreSQL+PostGIS: a verified restore into
 * a scratch database, compared table by table (row counts and content checksums) by this test's
 * own queries, and the failure modes that must leave nothing behind.
 */
@ExtendWith(RealServicesExtension.class)
class BackupRestoreIT {

    @TempDir
    Path dir;

    private FreshDatabase source;
    private String target;
    private RealServices services;

    @BeforeEach
    void sourceDatabase(RealServices services) throws SQLException {
        this.services = services;
        source = FreshDatabase.create("backup");
        target = "t_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection db = source.connect();
                Statement sql = db.createStatement()) {
            sql.execute("""
                    CREATE TABLE events (
                      ev_id text PRIMARY KEY,
                      ev_date date NOT NULL,
                      ev_highest_injury text,
                      location geography(Point, 4326));
                    CREATE INDEX events_location ON events USING gist (location);
                    CREATE TABLE aircraft (
                      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      ev_id text NOT NULL REFERENCES events (ev_id),
                      make text,
                      damage text);
                    CREATE TABLE ingest_batches (id serial PRIMARY KEY, file_name text, sha256 text, status text);
                    CREATE TABLE empty_table (x int);
                    INSERT INTO events
                      SELECT 'E' || g, date '1990-01-01' + g, (ARRAY['FATL','SERS','MINR','NONE'])[1 + g % 4],
                             ST_SetSRID(ST_MakePoint(-120 + (g % 50), 30 + (g % 20) * 0.5), 4326)::geography
                      FROM generate_series(1, 2000) g;
                    INSERT INTO aircraft (ev_id, make, damage)
                      SELECT 'E' || (1 + g % 2000), 'CESSNA ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'SUBS' END
                      FROM generate_series(1, 3000) g;
                    INSERT INTO ingest_batches (file_name, sha256, status) VALUES ('avall.mdb', 'abc', 'SUCCEEDED');
                    """);
        }
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        source.close();
        admin("DROP DATABASE IF EXISTS " + target + " WITH (FORCE)");
    }

    @Test
    void aBackupRestoresIntoAScratchDatabaseWithEveryRowIntact() throws Exception {
        Path dump = dir.resolve("severity.dump");
        ToolRun backup = ScriptRunner.run(
                services, Map.of("SEVERITY_DB_URL", source.jdbcUrl()), "scripts/backup.sh", "--out", dump.toString());
        assertThat(backup.exitCode()).as(backup.describe()).isZero();
        assertThat(dump).exists();
        assertThat(Files.readString(dir.resolve("severity.dump.manifest")))
                .contains("public.events|2000|", "public.aircraft|3000|", "public.empty_table|0|empty");

        ToolRun restore = ScriptRunner.run(
                services, Map.of(), "scripts/restore.sh", dump.toString(), "--target-db", target, "--create");
        assertThat(restore.exitCode()).as(restore.describe()).isZero();
        assertThat(restore.stdout()).contains("verified 4 tables (row counts and checksums)");

        String targetUrl = source.jdbcUrl().replace(source.name(), target);
        assertThat(tableFingerprints(targetUrl)).isEqualTo(tableFingerprints(source.jdbcUrl()));
        try (Connection restored = DriverManager.getConnection(targetUrl, source.user(), source.password());
                Statement sql = restored.createStatement()) {
            // PostGIS works on the restored data and the identity continues after the restored rows.
            ResultSet near = sql.executeQuery("SELECT count(*) FROM events WHERE ST_DWithin(location, "
                    + "ST_SetSRID(ST_MakePoint(-120, 30), 4326)::geography, 50000)");
            near.next();
            assertThat(near.getInt(1)).isPositive();
            ResultSet next = sql.executeQuery("INSERT INTO aircraft (ev_id, make) VALUES ('E1', 'PIPER') RETURNING id");
            next.next();
            assertThat(next.getLong(1)).isEqualTo(3001);
        }
    }

    @Test
    void theChartsScheduledBackupWritesARestorableDumpAndPrunesOldOnes() throws Exception {
        // The backup CronJob's own script files and command line, as rendered by helm, with the
        // container's paths mapped into this test's folder.
        RenderedChart chart = RenderedChart.render(
                "production", "backup.enabled=true", "backup.claimName=severity-backups", "backup.keepDays=7");
        Map<String, Object> scripts =
                chart.one("ConfigMap", "severity-backup-scripts").at("data").map();
        Path scriptDir = Files.createDirectories(dir.resolve("scripts/lib"));
        Files.writeString(dir.resolve("scripts/backup.sh"), (String) scripts.get("backup.sh"));
        Files.writeString(scriptDir.resolve("db-connection.sh"), (String) scripts.get("db-connection.sh"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Path old = Files.writeString(backups.resolve("severity-20000101T000000Z.dump"), "old");
        Files.setLastModifiedTime(
                old,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(8))));
        Path recent = Files.writeString(backups.resolve("severity-recent.dump"), "recent");
        Path unrelated = Files.writeString(backups.resolve("notes.txt"), "keep");
        Files.setLastModifiedTime(unrelated, Files.getLastModifiedTime(old));

        YamlTree container =
                chart.one("CronJob", "severity-backup").at("spec.jobTemplate.spec.template.spec.containers.0");
        String command = container
                .at("args.0")
                .text()
                .replace("/opt/severity/scripts", dir.resolve("scripts").toString())
                .replace("/backups", backups.toString());
        List<String> shell = new java.util.ArrayList<>(
                container.at("command").list().stream().map(YamlTree::text).toList());
        shell.remove(0); // bash itself
        shell.add(command);
        ToolRun run = Tool.BASH.run(
                Project.root(),
                Map.of(
                        "SEVERITY_DB_URL",
                        source.jdbcUrl(),
                        "SEVERITY_DB_USER",
                        source.user(),
                        "SEVERITY_DB_PASSWORD",
                        source.password()),
                shell);
        assertThat(run.exitCode()).as(run.describe()).isZero();

        List<Path> dumps;
        try (java.util.stream.Stream<Path> files = Files.list(backups)) {
            dumps = files.filter(f -> f.getFileName().toString().matches("severity-\\d{8}T\\d{6}Z\\.dump"))
                    .toList();
        }
        assertThat(dumps)
                .as("older than keepDays pruned, today's written")
                .singleElement()
                .satisfies(dump -> assertThat(dump).isNotEqualTo(old));
        assertThat(recent).exists();
        assertThat(unrelated).as("only dumps are pruned").exists();
        ToolRun restore = ScriptRunner.run(
                services, Map.of(), "scripts/restore.sh", dumps.get(0).toString(), "--target-db", target, "--create");
        assertThat(restore.exitCode()).as(restore.describe()).isZero();
        assertThat(tableFingerprints(source.jdbcUrl().replace(source.name(), target)))
                .isEqualTo(tableFingerprints(source.jdbcUrl()));
    }

    @Test
    void aTruncatedDumpFailsAndLeavesNoDatabaseBehind() throws Exception {
        Path dump = dir.resolve("severity.dump");
        assertThat(ScriptRunner.run(
                                services,
                                Map.of("SEVERITY_DB_URL", source.jdbcUrl()),
                                "scripts/backup.sh",
                                "--out",
                                dump.toString())
                        .exitCode())
                .isZero();
        Files.delete(dir.resolve("severity.dump.sha256"));
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        ToolRun restore = ScriptRunner.run(
                services, Map.of(), "scripts/restore.sh", dump.toString(), "--target-db", target, "--create");
        assertThat(restore.exitCode()).as(restore.describe()).isIn(3, 5);
        assertThat(databaseExists(target)).isFalse();
    }

    @Test
    void aDumpThatNoLongerMatchesItsChecksumIsRefused() throws Exception {
        Path dump = dir.resolve("severity.dump");
        assertThat(ScriptRunner.run(
                                services,
                                Map.of("SEVERITY_DB_URL", source.jdbcUrl()),
                                "scripts/backup.sh",
                                "--out",
                                dump.toString())
                        .exitCode())
                .isZero();
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.seek(file.length() - 10);
            file.write(new byte[] {1, 2, 3});
        }
        ToolRun restore = ScriptRunner.run(
                services, Map.of(), "scripts/restore.sh", dump.toString(), "--target-db", target, "--create");
        assertThat(restore.exitCode()).isEqualTo(3);
        assertThat(restore.stderr()).contains("does not match");
        assertThat(databaseExists(target)).isFalse();
    }

    @Test
    void aRestoreThatDiffersFromTheManifestIsReportedAndDropped() throws Exception {
        Path dump = dir.resolve("severity.dump");
        assertThat(ScriptRunner.run(
                                services,
                                Map.of("SEVERITY_DB_URL", source.jdbcUrl()),
                                "scripts/backup.sh",
                                "--out",
                                dump.toString())
                        .exitCode())
                .isZero();
        Path manifest = dir.resolve("severity.dump.manifest");
        Files.writeString(
                manifest, Files.readString(manifest).replace("public.aircraft|3000|", "public.aircraft|3001|"));
        ToolRun restore = ScriptRunner.run(
                services, Map.of(), "scripts/restore.sh", dump.toString(), "--target-db", target, "--create");
        assertThat(restore.exitCode()).isEqualTo(6);
        assertThat(restore.stderr())
                .contains("VERIFICATION FAILED", "-public.aircraft|3001|", "+public.aircraft|3000|");
        assertThat(databaseExists(target)).isFalse();
    }

    @Test
    void restoreRefusesToOverwriteADatabaseThatHasTables() throws Exception {
        Path dump = dir.resolve("severity.dump");
        assertThat(ScriptRunner.run(
                                services,
                                Map.of("SEVERITY_DB_URL", source.jdbcUrl()),
                                "scripts/backup.sh",
                                "--out",
                                dump.toString())
                        .exitCode())
                .isZero();
        ToolRun restore = ScriptRunner.run(
                services, Map.of(), "scripts/restore.sh", dump.toString(), "--target-db", source.name());
        assertThat(restore.exitCode()).isEqualTo(4);
        assertThat(restore.stderr()).contains("already has 4 tables");
        assertThat(tableFingerprints(source.jdbcUrl())).containsEntry("events", "2000");
    }

    @Test
    void backupFailsClearlyWhenTheDatabaseIsUnreachable() {
        ToolRun backup = ScriptRunner.run(
                services,
                Map.of("SEVERITY_DB_URL", "jdbc:postgresql://127.0.0.1:1/severity"),
                "scripts/backup.sh",
                "--out",
                dir.resolve("x.dump").toString());
        assertThat(backup.exitCode()).isEqualTo(3);
        assertThat(backup.stderr()).contains("cannot connect");
        assertThat(dir.resolve("x.dump")).doesNotExist();
    }

    /** Row count and an md5 over the rows in a fixed order, computed here independently of the scripts. */
    private static Map<String, String> tableFingerprints(String url) throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(
                        url, RealServices.get().dbUser(), RealServices.get().dbPassword());
                Statement sql = db.createStatement()) {
            for (String table : new String[] {"events", "aircraft", "ingest_batches", "empty_table"}) {
                ResultSet count = sql.executeQuery("SELECT count(*) FROM " + table);
                count.next();
                fingerprints.put(table, count.getString(1));
                ResultSet digest = sql.executeQuery(
                        "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t");
                digest.next();
                fingerprints.put(table + ".md5", digest.getString(1));
            }
        }
        return fingerprints;
    }

    private boolean databaseExists(String name) throws SQLException {
        try (Connection db = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
                Statement sql = db.createStatement();
                ResultSet found = sql.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            found.next();
            return found.getInt(1) == 1;
        }
    }

    private void admin(String statement) throws SQLException {
        try (Connection db = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
                Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }
}
