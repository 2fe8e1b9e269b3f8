package aero.severity.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.ingest.cli.IngestApplication;
import aero.severity.ingest.sample.Breakage;
import aero.severity.ingest.sample.SampleAccessFile;
import aero.severity.ingest.sample.SampleOptions;
import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static aero.severity.ingest.fetch.LocalNtsb.breakingOff;
import static aero.severity.ingest.fetch.LocalNtsb.failing;
import static aero.severity.ingest.fetch.LocalNtsb.file;
import static aero.severity.ingest.fetch.LocalNtsb.plainFile;
import static aero.severity.ingest.fetch.LocalNtsb.silentFor;
import static aero.severity.ingest.fetch.LocalNtsb.stallingHalfway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ingest fetch} end to end: the real command line, a real HTTP server on 127.0.0.1 serving
 * zipped Access files the generator wrote, and a fresh PostgreSQL database per test.
 */
@ExtendWith(RealServicesExtension.class)
class FetchIT {

    @TempDir
    Path folder;

    private FreshDatabase db;
    private LocalNtsb ntsb;
    private Path downloads;

    @BeforeEach
    void start() throws Exception {
        db = FreshDatabase.create("fetch");
        ntsb = new LocalNtsb();
        downloads = folder.resolve("downloads");
    }

    @AfterEach
    void stop() {
        ntsb.close();
        db.close();
    }

    @Test
    void aMonthlyUpdateIsDownloadedImportedAsOneBatchAndRecorded() throws Exception {
        byte[] zip = update("up08NOV.mdb", 40, 1);
        ntsb.on("up08NOV.zip", file(zip, "\"v1\""));

        Run run = fetch("--files", "up08NOV.zip");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("fetch up08NOV.zip from " + ntsb.baseUrl() + "up08NOV.zip")
                .contains("batch 1 loaded");
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(40);
        assertThat(string("SELECT file_name || ' ' || status FROM ingest_batches"))
                .isEqualTo("up08NOV.mdb DONE");
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT url, file_name, etag, sha256, file_size, entry_name, batch_id, fetched_at FROM ingest_fetches")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("url")).isEqualTo(ntsb.baseUrl() + "up08NOV.zip");
            assertThat(rs.getString("file_name")).isEqualTo("up08NOV.zip");
            assertThat(rs.getString("etag")).isEqualTo("\"v1\"");
            assertThat(rs.getString("sha256")).isEqualTo(sha256(zip));
            assertThat(rs.getLong("file_size")).isEqualTo(zip.length);
            assertThat(rs.getString("entry_name")).isEqualTo("up08NOV.mdb");
            assertThat(rs.getLong("batch_id")).isEqualTo(1);
            assertThat(rs.getObject("fetched_at")).isNotNull();
            assertThat(rs.next()).isFalse();
        }
        assertThat(downloads.resolve("up08NOV.zip")).hasBinaryContent(zip);
        assertThat(downloads.resolve("up08NOV.zip.part")).doesNotExist();
        assertThat(downloads.resolve("up08NOV.zip.d"))
                .as("unpacked Access files are removed after the import")
                .doesNotExist();
    }

    @Test
    void theFullDatabaseComesFirstThenTheUpdatesInDateOrder() throws Exception {
        LocalDate today = LocalDate.now();
        String older = NtsbFiles.updateName(today.minusDays(20));
        String newer = NtsbFiles.updateName(today.minusDays(5));
        ntsb.on("avall.zip", file(update("avall.mdb", 30, 7), "\"a\""));
        ntsb.on(older, file(update(older.replace(".zip", ".mdb"), 10, 8), "\"o\""));
        ntsb.on(newer, file(update(newer.replace(".zip", ".mdb"), 10, 9), "\"n\""));

        Run run = fetch("--files", newer + "," + older + ",avall.zip");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(strings("SELECT file_name FROM ingest_batches ORDER BY batch_id"))
                .containsExactly("avall.mdb", older.replace(".zip", ".mdb"), newer.replace(".zip", ".mdb"));
        assertThat(count("SELECT count(*) FROM ingest_fetches")).isEqualTo(3);
    }

    @Test
    void aMissingFileExitsWithThreeInOneLineAndChangesNothing() throws Exception {
        Map<String, String> before = loadedBaseline();

        Run run = fetch("--files", "up15NOV.zip");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("FAILED fetch up15NOV.zip: HTTP 404")
                .contains(ntsb.baseUrl() + "up15NOV.zip")
                .endsWith("[exit 3]");
        assertThat(ntsb.requestsFor("up15NOV.zip")).as("a 404 is not retried").isEqualTo(1);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilTheFileArrives() throws Exception {
        ntsb.on("up08NOV.zip", failing(500, 2, file(update("up08NOV.mdb", 25, 1), "\"v1\"")));

        Run run = fetch("--files", "up08NOV.zip");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(ntsb.requestsFor("up08NOV.zip")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(25);
    }

    @Test
    void aServerErrorOnEveryTryExitsWithThreeAfterTheLastTry() throws Exception {
        Map<String, String> before = loadedBaseline();
        ntsb.on("up15NOV.zip", failing(503, 99, null));

        Run run = fetch("--files", "up15NOV.zip", "--severity.ingest.fetch.max-attempts=3");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("HTTP 503")
                .contains("(3 tries)");
        assertThat(ntsb.requestsFor("up15NOV.zip")).isEqualTo(3);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeExitsWithFour() throws Exception {
        Map<String, String> before = loadedBaseline();
        ntsb.on("up15NOV.zip", silentFor(10_000, file(update("up15NOV.mdb", 10, 2), "\"x\"")));

        long started = System.nanoTime();
        Run run = fetch(
                "--files",
                "up15NOV.zip",
                "--severity.ingest.fetch.read-timeout=300ms",
                "--severity.ingest.fetch.max-attempts=2");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("timed out: no response within 300 ms")
                .contains("(2 tries)");
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("gave up long before the server answered")
                .isLessThan(8_000);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aServerThatCannotBeReachedExitsWithFour() throws Exception {
        String closed;
        try (LocalNtsb gone = new LocalNtsb()) {
            closed = gone.baseUrl();
        }

        Run run = fetch("--files", "up15NOV.zip", "--base-url", closed, "--severity.ingest.fetch.max-attempts=2");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("cannot connect to " + closed + "up15NOV.zip: connection refused")
                .contains("(2 tries)");
    }

    @Test
    void aServerThatStallsHalfwayThroughTheBodyExitsWithFour() throws Exception {
        Map<String, String> before = loadedBaseline();
        ntsb.on("up15NOV.zip", stallingHalfway(update("up15NOV.mdb", 10, 2), 10_000));

        Run run = fetch(
                "--files",
                "up15NOV.zip",
                "--severity.ingest.fetch.read-timeout=400ms",
                "--severity.ingest.fetch.max-attempts=1");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.errLines()).singleElement().asString().contains("timed out: no data for 400 ms after");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aDownloadThatBreaksOffIsResumedWithARangeRequestAndCompletes() throws Exception {
        byte[] zip = update("up08NOV.mdb", 60, 1);
        ntsb.on("up08NOV.zip", breakingOff(zip, "\"v1\"", 1));

        Run run = fetch("--files", "up08NOV.zip");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<LocalNtsb.Request> requests = ntsb.requestsOf("up08NOV.zip");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("Range")).isNull();
        assertThat(requests.get(1).header("Range")).isEqualTo("bytes=" + zip.length / 3 + "-");
        assertThat(requests.get(1).header("If-Range")).isEqualTo("\"v1\"");
        assertThat(string("SELECT sha256 FROM ingest_fetches"))
                .as("the resumed bytes are the file's bytes")
                .isEqualTo(sha256(zip));
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(60);
    }

    @Test
    void aResumeAfterTheFileChangedOnTheServerStartsOverInsteadOfMixingTwoVersions() throws Exception {
        byte[] first = update("up08NOV.mdb", 60, 1);
        byte[] republished = update("up08NOV.mdb", 45, 2);
        LocalNtsb.Behaviour breaks = breakingOff(first, "\"v1\"", 1);
        LocalNtsb.Behaviour serves = file(republished, "\"v2\"");
        ntsb.on("up08NOV.zip", (ex, n) -> (n == 1 ? breaks : serves).answer(ex, n));

        Run run = fetch("--files", "up08NOV.zip");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(ntsb.requestsOf("up08NOV.zip").get(1).header("If-Range")).isEqualTo("\"v1\"");
        assertThat(string("SELECT sha256 || ' ' || etag FROM ingest_fetches"))
                .isEqualTo(sha256(republished) + " \"v2\"");
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(45);
    }

    @Test
    void aDownloadThatBreaksOffEveryTimeExitsWithFourAndKeepsThePartForTheNextRun() throws Exception {
        byte[] zip = update("up08NOV.mdb", 60, 1);
        ntsb.on("up08NOV.zip", breakingOff(zip, "\"v1\"", 99));

        Run run = fetch("--files", "up08NOV.zip", "--severity.ingest.fetch.max-attempts=2");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.errLines()).singleElement().asString().contains("broke off");
        assertThat(downloads.resolve("up08NOV.zip")).doesNotExist();
        assertThat(downloads.resolve("up08NOV.zip.part")).exists();
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();

        ntsb.on("up08NOV.zip", file(zip, "\"v1\""));
        Run again = fetch("--files", "up08NOV.zip");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(ntsb.requestsOf("up08NOV.zip").get(2).header("Range"))
                .as("the next run resumes")
                .isNotNull();
        assertThat(string("SELECT sha256 FROM ingest_fetches")).isEqualTo(sha256(zip));
    }

    @Test
    void anArchiveEntryThatClimbsOutOfTheFolderIsRefusedWithFive() throws Exception {
        Map<String, String> before = loadedBaseline();
        Path mdb = SampleAccessFile.write(folder.resolve("gen/evil.mdb"), SampleOptions.of(5))
                .file();
        ntsb.on("up15NOV.zip", file(LocalNtsb.zip(Map.of("../../evil.mdb", mdb)), "\"e\""));

        Run run = fetch("--files", "up15NOV.zip");

        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("entry '../../evil.mdb' would be written outside");
        assertThat(folder.resolve("evil.mdb")).doesNotExist();
        assertThat(downloads.getParent().resolve("evil.mdb")).doesNotExist();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aZipBombIsRefusedWithFiveBeforeItFillsTheDisk() throws Exception {
        Map<String, String> before = loadedBaseline();
        ntsb.on("up15NOV.zip", file(LocalNtsb.zipOfZeros("up15NOV.mdb", 64 << 20), "\"b\""));

        Run run = fetch("--files", "up15NOV.zip");

        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.errLines()).singleElement().asString().contains("zip bomb");
        assertThat(downloads.resolve("up15NOV.zip.d/up15NOV.mdb")).doesNotExist();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void somethingThatIsNotAZipIsRefusedWithFiveAndSaysWhatItWas() throws Exception {
        Map<String, String> before = loadedBaseline();
        byte[] page = "<!DOCTYPE html><html><body>Maintenance</body></html>".getBytes(StandardCharsets.US_ASCII);
        ntsb.on("up15NOV.zip", plainFile(page));

        Run run = fetch("--files", "up15NOV.zip");

        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("up15NOV.zip is not a zip archive")
                .contains("<!DOCTYPE html>");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aDownloadLargerThanTheLimitIsRefusedWithFive() throws Exception {
        ntsb.on("up08NOV.zip", file(update("up08NOV.mdb", 20, 1), "\"v1\""));

        Run run = fetch("--files", "up08NOV.zip", "--severity.ingest.fetch.max-download-size=1KB");

        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("more than severity.ingest.fetch.max-download-size");
        assertThat(downloads.resolve("up08NOV.zip")).doesNotExist();
    }

    @Test
    void aCorruptAccessFileInsideExitsWithOneAndLeavesTheDatabaseUnchanged() throws Exception {
        Map<String, String> before = loadedBaseline();
        Path broken = SampleAccessFile.write(
                        folder.resolve("gen/up15NOV.mdb"),
                        SampleOptions.of(30).withSeed(5).broken(Breakage.TRUNCATED))
                .file();
        ntsb.on("up15NOV.zip", file(LocalNtsb.zip(Map.of("up15NOV.mdb", broken)), "\"c\""));

        Run run = fetch("--files", "up15NOV.zip");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("FAILED fetch up15NOV.zip: ")
                .contains("up15NOV.mdb")
                .contains("the database is as it was")
                .endsWith("[exit 1]");
        assertThat(state()).as("no data, reject, fetch or DONE batch changed").isEqualTo(before);
        assertThat(count("SELECT count(*) FROM ingest_batches WHERE status = 'FAILED' AND file_name = 'up15NOV.mdb'"))
                .as("the failed attempt is on record, as for `import`")
                .isEqualTo(1);

        Run again = fetch("--files", "up15NOV.zip");
        assertThat(again.exit())
                .as("not recorded as fetched, so the next run tries it again")
                .isEqualTo(1);
    }

    @Test
    void theSameFileTwiceIsSkippedTheSecondTimeByItsETag() throws Exception {
        ntsb.on("up08NOV.zip", file(update("up08NOV.mdb", 20, 1), "\"v1\""));
        assertThat(fetch("--files", "up08NOV.zip").exit()).isZero();

        Run second = fetch("--files", "up08NOV.zip");

        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("unchanged since").contains("HTTP 304");
        assertThat(ntsb.requestsOf("up08NOV.zip").get(1).header("If-None-Match"))
                .isEqualTo("\"v1\"");
        assertThat(count("SELECT count(*) FROM ingest_batches")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest_fetches")).isEqualTo(1);
    }

    @Test
    void theSameBytesTwiceFromAServerWithoutValidatorsAreSkippedByTheirSha256() throws Exception {
        ntsb.on("up08NOV.zip", plainFile(update("up08NOV.mdb", 20, 1)));
        assertThat(fetch("--files", "up08NOV.zip").exit()).isZero();

        Run second = fetch("--files", "up08NOV.zip");

        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("already fetched (same sha256");
        assertThat(count("SELECT count(*) FROM ingest_batches")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest_fetches")).isEqualTo(1);
    }

    @Test
    void anAccessFileImportedByHandIsNotLoadedAgainButTheFetchIsRecordedWithItsBatch() throws Exception {
        Path mdb = SampleAccessFile.write(
                        folder.resolve("gen/up08NOV.mdb"), SampleOptions.of(20).withSeed(1))
                .file();
        assertThat(IngestApplication.run(concat(connection(), "import", mdb.toString())))
                .isZero();
        ntsb.on("up08NOV.zip", file(LocalNtsb.zip(Map.of("up08NOV.mdb", mdb)), "\"v1\""));

        Run run = fetch("--files", "up08NOV.zip");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("already loaded as batch 1");
        assertThat(count("SELECT count(*) FROM ingest_batches")).isEqualTo(1);
        assertThat(count("SELECT batch_id FROM ingest_fetches")).isEqualTo(1);
    }

    @Test
    void anUpdateDerivedFromTheDateThatIsNotOutYetIsSkippedNotAnError() throws Exception {
        LocalDate today = LocalDate.now();
        List<String> expected = NtsbFiles.updatesOfLastMonths(today, 1, List.of(1, 8, 15, 22));
        String published = expected.get(0);
        ntsb.on(published, file(update(published.replace(".zip", ".mdb"), 10, 3), "\"p\""));

        Run run = fetch("--months", "1");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(ntsb.requests()).extracting(LocalNtsb.Request::file).containsExactlyElementsOf(expected);
        assertThat(run.out()).contains("not published (HTTP 404): skipped");
        assertThat(strings("SELECT file_name FROM ingest_batches")).containsExactly(published.replace(".zip", ".mdb"));
    }

    @Test
    void aDryRunListsThePlanAndTouchesNeitherTheServerNorTheDatabaseNorTheDisk() throws Exception {
        ntsb.on("up08NOV.zip", file(update("up08NOV.mdb", 20, 1), "\"v1\""));

        Run run = fetch("--files", "up08NOV.zip,avall.zip", "--dry-run");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("dry run")
                .contains(ntsb.baseUrl() + "avall.zip")
                .contains(ntsb.baseUrl() + "up08NOV.zip")
                .contains("never fetched");
        assertThat(run.out().indexOf("avall.zip"))
                .as("the full database first")
                .isLessThan(run.out().indexOf("up08NOV.zip"));
        assertThat(ntsb.requests()).isEmpty();
        assertThat(downloads).doesNotExist();
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_name IN ('events', 'ingest_fetches', 'flyway_schema_history')"))
                .as("not even migrated")
                .isZero();

        assertThat(fetch("--files", "up08NOV.zip").exit()).isZero();
        Map<String, String> before = state();
        Run again = fetch("--files", "up08NOV.zip", "--dry-run");
        assertThat(again.out()).contains("as batch 1").contains("asked for only if changed");
        assertThat(ntsb.requestsFor("up08NOV.zip")).isEqualTo(1);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aBadCommandLineExitsWithTwo() throws Exception {
        assertThat(fetch("--months", "13").exit()).isEqualTo(2);
        assertThat(fetch("--frobnicate").exit()).isEqualTo(2);
        Run run = fetch("--files", "../etc/passwd.zip");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not an archive name").contains("usage: fetch");
        assertThat(fetch("--months", "0").exit()).as("nothing to fetch").isEqualTo(2);
        assertThat(ntsb.requests()).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A zipped generated Access file named {@code entry}. */
    private byte[] update(String entry, int events, long seed) {
        Path mdb = SampleAccessFile.write(
                        folder.resolve("gen/" + seed + "/" + entry),
                        SampleOptions.of(events).withSeed(seed))
                .file();
        return LocalNtsb.zip(Map.of(entry, mdb));
    }

    /** Some data loaded by a fetch, and the state a failing fetch must leave exactly as it is. */
    private Map<String, String> loadedBaseline() throws Exception {
        ntsb.on("up08NOV.zip", file(update("up08NOV.mdb", 30, 1), "\"base\""));
        Run run = fetch("--files", "up08NOV.zip");
        assertThat(run.exit()).as(run.toString()).isZero();
        return state();
    }

    private String[] connection() {
        return new String[] {
            "--spring.datasource.url=" + db.jdbcUrl(),
            "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + db.password(),
            "--severity.ingest.progress=log"
        };
    }

    private Run fetch(String... options) {
        List<String> args = new ArrayList<>(List.of(connection()));
        args.add("--severity.ingest.fetch.download-dir=" + downloads);
        args.add("--severity.ingest.fetch.initial-backoff=10ms");
        if (List.of(options).stream().noneMatch(o -> o.startsWith("--severity.ingest.fetch.read-timeout="))) {
            args.add("--severity.ingest.fetch.read-timeout=5s"); // Spring joins a repeated property into a list
        }
        args.add("fetch");
        args.add("--base-url");
        args.add(ntsb.baseUrl());
        args.addAll(List.of(options));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = IngestApplication.run(args.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Run run = new Run(exit, outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
        out.println(run);
        return run;
    }

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Every avall table, the rejects, the fetches and the DONE batches, as row count + digest. */
    private Map<String, String> state() throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (AvallTable table : AvallTables.all()) {
                sums.put(
                        table.name(),
                        digest(st, "SELECT * FROM " + table.name() + " ORDER BY " + String.join(", ", table.key())));
            }
            sums.put("ingest_rejects", digest(st, "SELECT * FROM ingest_rejects ORDER BY reject_id"));
            sums.put("ingest_fetches", digest(st, "SELECT * FROM ingest_fetches ORDER BY fetch_id"));
            sums.put(
                    "ingest_batches",
                    digest(st, "SELECT * FROM ingest_batches WHERE status = 'DONE' ORDER BY batch_id"));
        }
        return sums;
    }

    private static String digest(Statement st, String sql) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= n; i++) {
                    String value = rs.getString(i);
                    sha.update((value == null ? "\u0000" : value).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 31);
                }
            }
        }
        return rows + ":" + HexFormat.of().formatHex(sha.digest());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String string(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
