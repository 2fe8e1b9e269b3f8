package aero.severity.ingest.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import aero.severity.ingest.fetch.FetchCommand;
import aero.severity.ingest.fetch.FetchProperties;
import aero.severity.ingest.load.BatchLoader;
import aero.severity.ingest.load.IngestException;
import aero.severity.ingest.load.IngestResult;
import aero.severity.ingest.load.TableCounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Runs the command given on the command line ({@code import}, {@code fetch}, {@code status}) or the configured files. */
@Component
class IngestCommands implements ApplicationRunner, ExitCodeGenerator {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final IngestProperties properties;
    private final FetchProperties fetchProperties;
    private final PrintStream out = System.out;
    private int exitCode;

    IngestCommands(DataSource dataSource, IngestProperties properties, FetchProperties fetchProperties) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
        this.fetchProperties = fetchProperties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        String command = words.isEmpty() ? "" : words.get(0);
        switch (command) {
            case "import" ->
                exitCode = importFiles(
                        words.subList(1, words.size()).stream().map(Path::of).toList());
            case "fetch" -> exitCode = fetch(args.getSourceArgs());
            case "status" -> status();
            case "" -> {
                if (properties.files().isEmpty()) {
                    System.err.println(
                            "usage: import FILE... | fetch [--files ...] [--months N] [--base-url URL] [--dry-run] | status"
                                    + " | generate --events N --out FILE.mdb (or set severity.ingest.files)");
                    exitCode = 2;
                } else {
                    exitCode = importFiles(properties.files());
                }
            }
            default -> {
                System.err.println("unknown command '" + command + "'; commands: import, fetch, status, generate");
                exitCode = 2;
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int importFiles(List<Path> files) {
        if (files.isEmpty()) {
            System.err.println("import: name at least one file (.mdb, .accdb, .csv, .csv.gz)");
            return 2;
        }
        BatchLoader loader = loader();
        int failures = 0;
        for (Path file : files) {
            try {
                importOne(loader, file);
            } catch (IngestException e) {
                failures++;
                System.err.println("FAILED " + file + ": " + e.getMessage());
                System.err.println(
                        "  the database is as it was before this file (the failure is recorded in ingest_batches)");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** {@code fetch ...}: downloads the NTSB's archives and imports their Access files exactly as {@code import} does. */
    private int fetch(String[] sourceArgs) {
        List<String> all = List.of(sourceArgs);
        List<String> rest = all.subList(all.indexOf("fetch") + 1, all.size());
        BatchLoader loader = loader();
        return new FetchCommand(fetchProperties, dataSource, java.time.Clock.systemUTC(), out, System.err)
                .run(rest, file -> importOne(loader, file));
    }

    private BatchLoader loader() {
        return new BatchLoader(dataSource, properties.lockWait(), properties.allowPartial());
    }

    /** The one import of one file, for {@code import} and {@code fetch}: load as a batch, print what happened. */
    @SuppressWarnings("SystemConsoleNull") // the runtime is Java 17, where no console means no terminal
    private IngestResult importOne(BatchLoader loader, Path file) {
        boolean bar = switch (properties.progress()) {
            case BAR -> true;
            case LOG -> false;
            case AUTO -> System.console() != null;
        };
        IngestResult result = loader.load(file, new ConsoleProgress(bar, out));
        report(result);
        return result;
    }

    private void report(IngestResult result) {
        if (result.outcome() == IngestResult.Outcome.ALREADY_LOADED) {
            out.printf(
                    Locale.ROOT,
                    "%s: already loaded as batch %d (same sha256), nothing to do%n",
                    result.file(),
                    result.batchId());
            return;
        }
        double seconds = Math.max(1e-3, result.elapsed().toMillis() / 1000.0);
        out.printf(
                Locale.ROOT,
                "%s: batch %d loaded in %.1f s, %,d rows read, %,d loaded, %,d rejected (%,.0f rows/s)%n",
                result.file(),
                result.batchId(),
                seconds,
                result.rowsRead(),
                result.rowsLoaded(),
                result.rowsRejected(),
                result.rowsRead() / seconds);
        out.printf(Locale.ROOT, "  %-16s %10s %10s %10s %10s%n", "table", "read", "loaded", "skipped", "rejected");
        for (Map.Entry<String, TableCounts> e : result.tables().entrySet()) {
            TableCounts c = e.getValue();
            out.printf(
                    Locale.ROOT,
                    "  %-16s %,10d %,10d %,10d %,10d%n",
                    e.getKey(),
                    c.read(),
                    c.loaded(),
                    c.skipped(),
                    c.rejected());
        }
        if (result.rowsRejected() > 0) {
            out.println("  rejected rows and why: `status`, or SELECT * FROM ingest_rejects WHERE batch_id = "
                    + result.batchId());
        }
    }

    private void status() {
        out.println("Batches (newest first):");
        jdbc.query(
                "SELECT batch_id, file_name, source_kind, status, started_at, finished_at, rows_read, rows_loaded,"
                        + " rows_rejected, error FROM ingest_batches ORDER BY batch_id DESC LIMIT 20",
                rs -> {
                    out.printf(
                            Locale.ROOT,
                            "  #%-4d %-8s %-10s %-28s read %,d loaded %,d rejected %,d  started %s%s%n",
                            rs.getLong(1),
                            rs.getString(4),
                            rs.getString(3),
                            rs.getString(2),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getObject(5),
                            rs.getString(10) == null ? "" : "\n        error: " + rs.getString(10));
                });
        out.println("Rows per table:");
        List<String> tables =
                new ArrayList<>(AvallTables.all().stream().map(AvallTable::name).toList());
        tables.add("ingest_rejects");
        for (String table : tables) {
            Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
            out.printf(Locale.ROOT, "  %-16s %,12d%n", table, n);
        }
        out.println("Rejects by table and reason:");
        jdbc.query(
                "SELECT table_name, reason, count(*) FROM ingest_rejects GROUP BY table_name, reason"
                        + " ORDER BY count(*) DESC LIMIT 30",
                rs -> {
                    out.printf(Locale.ROOT, "  %-16s %,8d  %s%n", rs.getString(1), rs.getLong(3), rs.getString(2));
                });
    }
}
