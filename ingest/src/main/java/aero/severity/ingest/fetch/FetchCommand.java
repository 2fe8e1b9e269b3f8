package aero.severity.ingest.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

import aero.severity.ingest.load.IngestException;
import aero.severity.ingest.load.IngestResult;

/**
 * {@code ingest fetch}: for each archive of the plan, in import order, download it (conditionally when
 * it was fetched before), skip it when its bytes were fetched before, unpack its Access files, import
 * each through the normal import, and record the fetch. The first failure stops the run, so updates are
 * never imported out of order; what was imported before it stays (each file is its own batch), and a
 * rerun carries on from the failed file.
 */
public final class FetchCommand {

    /** The normal import of one Access file (the {@code import} command's), reporting as it does. */
    @FunctionalInterface
    public interface AccessImport {
        /**
         * Imports one Access file as one batch.
         *
         * @throws IngestException when the file cannot be imported; the database is then as it was
         */
        IngestResult importFile(Path accessFile);
    }

    private final FetchProperties settings;
    private final FetchLedger ledger;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public FetchCommand(
            FetchProperties settings, DataSource dataSource, Clock clock, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.ledger = new FetchLedger(dataSource);
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public static String usage() {
        return FetchOptions.USAGE;
    }

    /** Runs {@code fetch ARGS}; returns the exit code: 0 done, 1 an import failed, 2 bad command line, 3 HTTP error, 4 timeout or network, 5 archive refused. */
    public int run(List<String> args, AccessImport importer) {
        FetchOptions options;
        List<PublishedFile> plan;
        try {
            options = FetchOptions.parse(args);
            int months = options.months() != null
                    ? options.months()
                    : options.files().isEmpty() ? settings.months() : 0;
            String baseUrl = options.baseUrl() != null ? options.baseUrl() : settings.baseUrl();
            plan = NtsbFiles.plan(options.files(), months, LocalDate.now(clock), settings.updateDays(), baseUrl);
            if (plan.isEmpty()) {
                throw new IllegalArgumentException("nothing to fetch: name --files or give --months 1 or more");
            }
        } catch (IllegalArgumentException e) {
            err.println("fetch: " + e.getMessage());
            err.println(FetchOptions.USAGE);
            return 2;
        }
        if (options.dryRun()) {
            return dryRun(plan);
        }
        Downloader downloader = new Downloader(settings);
        for (int i = 0; i < plan.size(); i++) {
            PublishedFile file = plan.get(i);
            try {
                fetch(file, downloader, importer);
            } catch (FetchException | IngestException e) {
                int code =
                        e instanceof FetchException fetch ? fetch.failure().exitCode() : FetchFailure.WORK.exitCode();
                String notTried = plan.subList(i + 1, plan.size()).stream()
                        .map(PublishedFile::name)
                        .reduce((a, b) -> a + ", " + b)
                        .map(names -> "; not tried: " + names)
                        .orElse("");
                String unchanged = e instanceof IngestException ? "; the database is as it was" : "";
                err.println("FAILED fetch " + file.name() + ": " + e.getMessage() + unchanged + notTried + " [exit "
                        + code + "]");
                return code;
            }
        }
        return 0;
    }

    private int dryRun(List<PublishedFile> plan) {
        out.println("dry run: would fetch, in this order (nothing is downloaded or changed):");
        for (PublishedFile file : plan) {
            FetchLedger.Fetched before = ledger.lastFetchOf(file.url());
            String note = before == null
                    ? "never fetched"
                    : String.format(
                            Locale.ROOT,
                            "fetched %s as batch %d (sha256 %s...): %s",
                            before.fetchedAt().toLocalDate(),
                            before.batchId(),
                            before.sha256().substring(0, 12),
                            before.validators().any()
                                    ? "asked for only if changed"
                                    : "downloaded again, skipped if its sha256 is the same");
            out.printf(Locale.ROOT, "  %-14s %s  (%s)%n", file.name(), file.url(), note);
        }
        return 0;
    }

    private void fetch(PublishedFile file, Downloader downloader, AccessImport importer) {
        FetchLedger.Fetched before = ledger.lastFetchOf(file.url());
        out.println("fetch " + file.name() + " from " + file.url());
        Download download = downloader.fetch(file, before == null ? null : before.validators());
        if (download instanceof Download.NotModified) {
            if (before == null) {
                throw new FetchException(
                        FetchFailure.HTTP, "HTTP 304 from " + file.url() + " to a request that was not conditional");
            }
            out.printf(
                    Locale.ROOT,
                    "  unchanged since %s (HTTP 304; batch %d): skipped%n",
                    before.fetchedAt().toLocalDate(),
                    before.batchId());
            return;
        }
        if (download instanceof Download.NotPublished gone) {
            out.printf(
                    Locale.ROOT,
                    "  not published (HTTP %d): skipped; the NTSB has not put it out yet, or no longer keeps it%n",
                    gone.status());
            return;
        }
        Download.Arrived archive = (Download.Arrived) download;
        out.printf(Locale.ROOT, "  %,d bytes, sha256 %s%n", archive.size(), archive.sha256());
        FetchLedger.Fetched same = ledger.withSha256(archive.sha256());
        if (same != null) {
            out.printf(
                    Locale.ROOT,
                    "  already fetched (same sha256 as %s of %s, batch %d): skipped%n",
                    same.fileName(),
                    same.fetchedAt().toLocalDate(),
                    same.batchId());
            return;
        }
        Path folder = settings.downloadDir().resolve(file.name() + ".d");
        try {
            List<Path> accessFiles = AccessArchive.unpack(
                    archive.file(), folder, settings.maxUncompressedSize().toBytes(), settings.maxCompressionRatio());
            List<FetchLedger.Imported> imported = new ArrayList<>();
            for (Path accessFile : accessFiles) {
                IngestResult result = importer.importFile(accessFile);
                imported.add(new FetchLedger.Imported(accessFile.getFileName().toString(), result.batchId()));
            }
            ledger.record(file, archive, imported);
        } finally {
            deleteTree(folder); // the archive stays; its Access files are one unzip away
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the next fetch of the same archive, which empties the folder first
        }
    }
}
