package aero.severity.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point-in-time recovery for real: a PostgreSQL cluster of this test's own (the shared one cannot be
 * stopped and replaced under the other tests) archives its WAL the way {@code scripts/services.sh}
 * does with {@code SEVERITY_PG_WAL_ARCHIVE}; {@code scripts/backup.sh --base} takes a base backup;
 * rows are written, the time is noted, more rows are written; {@code scripts/restore.sh --to-time}
 * recovers a new cluster to that time, which must hold exactly the first rows.
 */
class PointInTimeRecoveryIT {

    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");

    private Path dir;
    private Path source;
    private Path archive;
    private Path recovered;
    private int sourcePort;
    private int recoveredPort;

    @BeforeEach
    void aClusterThatArchivesItsWal() throws Exception {
        if (!Files.isExecutable(PG_BIN.resolve("initdb"))) {
            throw new AssertionError(
                    "PostgreSQL 15 is not installed: scripts/services.sh installs it (scripts/test.sh runs it)");
        }
        // the postgres OS user must reach these folders when the tests run as root
        dir = Files.createTempDirectory("pitr");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        source = dir.resolve("source");
        archive = dir.resolve("archive");
        recovered = dir.resolve("recovered");
        Files.createDirectories(archive);
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rwxrwxrwx"));
        sourcePort = freePort();
        recoveredPort = freePort();
        asPostgres(
                PG_BIN.resolve("initdb").toString(),
                "-D",
                source.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8");
        Files.writeString(
                source.resolve("postgresql.auto.conf"),
                """
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                wal_level = replica
                archive_mode = on
                archive_command = 'test ! -f "%s/%%f" && cp "%%p" "%s/%%f"'
                """.formatted(sourcePort, source, archive, archive),
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(source.resolve("pg_hba.conf"), """
                local all all trust
                host all all 127.0.0.1/32 trust
                host replication all 127.0.0.1/32 trust
                """);
        asPostgres(
                PG_BIN.resolve("pg_ctl").toString(),
                "start",
                "-D",
                source.toString(),
                "-l",
                source.resolve("log").toString(),
                "-w",
                "-s");
    }

    @AfterEach
    void stopBoth() throws Exception {
        if (dir == null) {
            return;
        }
        for (Path data : List.of(source, recovered)) {
            if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
                asPostgres(PG_BIN.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate", "-s");
            }
        }
        Tool.BASH.run(Project.root(), Map.of(), List.of("-c", "rm -rf '" + dir + "'"));
    }

    @Test
    void aClusterRecoveredToANotedTimeHoldsTheRowsWrittenBeforeItAndNoneAfter() throws Exception {
        try (Connection db = connect(sourcePort);
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE ledger (id int PRIMARY KEY, note text)");
        }
        ToolRun base = baseBackup();
        assertThat(base.succeeded()).as(base.describe()).isTrue();

        String noted;
        try (Connection db = connect(sourcePort);
                Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO ledger VALUES (1, 'before'), (2, 'before'), (3, 'before')");
            noted = single(
                    sql, "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'");
            Thread.sleep(1_100);
            sql.execute("INSERT INTO ledger VALUES (4, 'after'), (5, 'after')");
            sql.execute("UPDATE ledger SET note = 'changed after' WHERE id = 1");
            String segment = single(sql, "SELECT pg_walfile_name(pg_switch_wal())");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(archive.resolve(segment)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(archive.resolve(segment))
                    .as("the WAL with the later rows is archived")
                    .exists();
        }
        asPostgres(PG_BIN.resolve("pg_ctl").toString(), "stop", "-D", source.toString(), "-m", "fast", "-w", "-s");
        Files.setPosixFilePermissions(dir.resolve("base"), PosixFilePermissions.fromString("rwxrwxrwx"));

        ToolRun restore = Tool.BASH.run(
                Project.root(),
                Map.of(),
                List.of(
                        Project.file("scripts/restore.sh").toString(),
                        "--to-time",
                        noted,
                        "--base-backup",
                        dir.resolve("base").toString(),
                        "--wal-archive",
                        archive.toString(),
                        "--data-dir",
                        recovered.toString(),
                        "--port",
                        Integer.toString(recoveredPort)));

        assertThat(restore.succeeded()).as(restore.describe()).isTrue();
        assertThat(restore.stdout()).contains("recovered to " + noted);
        try (Connection db = connect(recoveredPort);
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id, note FROM ledger ORDER BY id")) {
            List<String> ledger = new ArrayList<>();
            while (rows.next()) {
                ledger.add(rows.getInt(1) + " " + rows.getString(2));
            }
            assertThat(ledger).containsExactly("1 before", "2 before", "3 before");
        }
    }

    @Test
    void aTimeTheArchiveDoesNotReachAndABadBaseBackupFailWithTheirOwnCodes() throws Exception {
        ToolRun base = baseBackup();
        assertThat(base.succeeded()).as(base.describe()).isTrue();
        Files.setPosixFilePermissions(dir.resolve("base"), PosixFilePermissions.fromString("rwxrwxrwx"));

        ToolRun notABackup = Tool.BASH.run(
                Project.root(),
                Map.of(),
                List.of(
                        Project.file("scripts/restore.sh").toString(),
                        "--to-time",
                        "2026-12-04 01:00:00+00",
                        "--base-backup",
                        archive.toString(),
                        "--wal-archive",
                        archive.toString(),
                        "--data-dir",
                        recovered.toString(),
                        "--port",
                        Integer.toString(recoveredPort)));
        ToolRun future = Tool.BASH.run(
                Project.root(),
                Map.of(),
                List.of(
                        Project.file("scripts/restore.sh").toString(),
                        "--to-time",
                        "2999-01-01 00:00:00+00",
                        "--base-backup",
                        dir.resolve("base").toString(),
                        "--wal-archive",
                        archive.toString(),
                        "--data-dir",
                        recovered.toString(),
                        "--port",
                        Integer.toString(recoveredPort)));

        assertThat(notABackup.exitCode()).as(notABackup.describe()).isEqualTo(3);
        assertThat(notABackup.stderr()).contains("is not a plain base backup");
        assertThat(future.exitCode()).as(future.describe()).isEqualTo(5);
        assertThat(future.stderr()).contains("recovery ended before configured recovery target was reached");
    }

    /** scripts/backup.sh --base as an operator runs it, against the test's cluster. */
    private ToolRun baseBackup() {
        return Tool.BASH.run(
                Project.root(),
                Map.of(
                        "SEVERITY_DB_URL",
                        "jdbc:postgresql://127.0.0.1:" + sourcePort + "/postgres",
                        "SEVERITY_DB_USER",
                        "postgres",
                        "SEVERITY_DB_PASSWORD",
                        ""),
                List.of(
                        Project.file("scripts/backup.sh").toString(),
                        "--base",
                        dir.resolve("base").toString()));
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Runs a PostgreSQL program, as the postgres OS user when the tests run as root. Its output goes to
     * a file: a server started by pg_ctl would otherwise hold this run's pipes open.
     */
    private void asPostgres(String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path output = dir.resolve("command.out");
        ToolRun run = Tool.BASH.run(
                Project.root(),
                Map.of(),
                List.of(
                        "-c",
                        String.join(
                                        " ",
                                        full.stream()
                                                .map(a -> "'" + a.replace("'", "'\\''") + "'")
                                                .toList()) + " </dev/null >'" + output + "' 2>&1"));
        if (!run.succeeded()) {
            throw new AssertionError(run.describe() + "\n" + (Files.exists(output) ? Files.readString(output) : ""));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
