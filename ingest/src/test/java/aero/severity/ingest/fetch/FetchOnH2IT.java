package aero.severity.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import aero.severity.ingest.cli.IngestApplication;
import aero.severity.ingest.sample.SampleAccessFile;
import aero.severity.ingest.sample.SampleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default: the same fetch into the H2GIS file database, its own migration of ingest_fetches included. */
class FetchOnH2IT {

    @TempDir
    Path folder;

    @Test
    void aDryRunThenAFetchThenTheSameFetchAgainOnTheEmbeddedDatabase() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("severity") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        Path mdb = SampleAccessFile.write(folder.resolve("gen/up08NOV.mdb"), SampleOptions.of(15))
                .file();
        try (LocalNtsb ntsb = new LocalNtsb()) {
            ntsb.on("up08NOV.zip", LocalNtsb.file(LocalNtsb.zip(Map.of("up08NOV.mdb", mdb)), "\"h2\""));
            String[] args = {
                "--spring.datasource.url=" + url,
                "--severity.ingest.progress=log",
                "--severity.ingest.fetch.download-dir=" + folder.resolve("downloads"),
                "fetch",
                "--base-url",
                ntsb.baseUrl(),
                "--files",
                "up08NOV.zip"
            };

            String dry = captured(() ->
                    assertThat(IngestApplication.run(concat(args, "--dry-run"))).isZero());
            assertThat(dry).contains("never fetched");
            assertThat(ntsb.requests()).isEmpty();

            String first =
                    captured(() -> assertThat(IngestApplication.run(args)).isZero());
            assertThat(first).contains("batch 1 loaded");
            String second =
                    captured(() -> assertThat(IngestApplication.run(args)).isZero());
            assertThat(second).contains("HTTP 304");
        }
        try (Connection c = DriverManager.getConnection(url, "severity", "severity");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM ingest_fetches),"
                                + " (SELECT etag FROM ingest_fetches)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(15);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getString(3)).isEqualTo("\"h2\"");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
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
}
