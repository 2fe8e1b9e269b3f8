package aero.severity.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import aero.severity.ingest.sample.Breakage;
import aero.severity.ingest.sample.SampleAccessFile;
import aero.severity.ingest.sample.SampleOptions;
import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring Boot command line end to end: Flyway migrates, import loads, status reports. */
@ExtendWith(RealServicesExtension.class)
class IngestCliIT {

    @TempDir
    Path folder;

    @Test
    void importThenStatusOnPostgres() throws Exception {
        Path file = SampleAccessFile.write(
                        folder.resolve("avall.mdb"), SampleOptions.of(150).broken(Breakage.BAD_VALUES))
                .file();
        try (FreshDatabase db = FreshDatabase.create("cli")) {
            String[] connection = {
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password()
            };
            String imported =
                    captured(() -> assertThat(IngestApplication.run(concat(connection, "import", file.toString())))
                            .isZero());
            assertThat(imported)
                    .contains("batch 1 loaded")
                    .contains("events")
                    .contains("150")
                    .contains("rejected");
            String again =
                    captured(() -> assertThat(IngestApplication.run(concat(connection, "import", file.toString())))
                            .isZero());
            assertThat(again).contains("already loaded as batch 1");
            String status = captured(() -> assertThat(IngestApplication.run(concat(connection, "status")))
                    .isZero());
            assertThat(status)
                    .contains("Batches")
                    .contains("DONE")
                    .contains("avall.mdb")
                    .contains("Rows per table");
            // BAD_VALUES spoils events 7, 57 and 107: no event date, an ev_time that is not HHMM, an impossible
            // latitude
            assertThat(status)
                    .contains("Rejects by table and reason:")
                    .containsPattern("events +1  .*HHMM")
                    .containsPattern("events +1  .*latitude");
            try (Connection c = db.connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("150 events less the three spoiled ones")
                        .isEqualTo(147);
            }
        }
    }

    @Test
    void aFailedImportExitsWithOneAndSaysWhy() throws Exception {
        Path garbage = folder.resolve("broken.mdb");
        Files.write(garbage, new byte[4096]);
        String h2 =
                "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("db") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        String err = capturedErr(() -> assertThat(IngestApplication.run(h2, "import", garbage.toString()))
                .isEqualTo(1));
        assertThat(err).contains("FAILED").contains("broken.mdb").contains("not a readable Access database");
    }

    @Test
    void propertyDrivenModeImportsTheConfiguredFilesIntoTheEmbeddedDatabase() throws SQLException {
        Path file = SampleAccessFile.write(folder.resolve("avall.mdb"), SampleOptions.of(80))
                .file();
        String url = "jdbc:h2:file:" + folder.resolve("embedded") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        assertThat(IngestApplication.run("--spring.datasource.url=" + url, "--severity.ingest.files=" + file))
                .isZero();
        try (Connection c = java.sql.DriverManager.getConnection(url, "severity", "severity");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(80);
        }
    }

    @Test
    void generateWritesAnAccessFileAndRejectsBadOptions() {
        Path out = folder.resolve("g.mdb");
        assertThat(IngestApplication.generate(new String[] {"--events", "120", "--out", out.toString(), "--seed", "3"}))
                .isZero();
        assertThat(out).exists();
        assertThat(IngestApplication.generate(new String[] {"--events", "120"})).isEqualTo(2);
        assertThat(IngestApplication.generate(new String[] {"--events", "10", "--out", "x.txt"}))
                .isEqualTo(2);
        assertThat(IngestApplication.generate(
                        new String[] {"--events", "10", "--out", out.toString(), "--broken", "nope"}))
                .isEqualTo(2);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static String captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String capturedErr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
