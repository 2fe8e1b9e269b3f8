package aero.severity.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import aero.severity.ingest.access.CsvToAccess;
import aero.severity.testing.RealNtsbData;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real NTSB extracts (PROVENANCE.md), when the data folder exists: the relational CSV tables go
 * through an Access file written with Jackcess, the CAROL export is read as it is. Skipped without the
 * folder. Prints the reject shares the ingest report quotes.
 */
@ExtendWith(RealServicesExtension.class)
class RealDataIT {

    static final Path DATA = RealNtsbData.folder();

    @TempDir
    Path folder;

    @Test
    void realExtractsLoadWithOnlyExplainedRejects() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("avall_part121_subset")), "no real NTSB data at " + DATA);
        List<Path> part121 = new ArrayList<>(csvs(DATA.resolve("avall_part121_subset")));
        part121.addAll(List.of(
                DATA.resolve("ct_iaids.csv"),
                DATA.resolve("ct_seqevt.csv"),
                DATA.resolve("states.csv"),
                DATA.resolve("Country.csv")));
        Path part121File = folder.resolve("avall_part121_subset.mdb");
        CsvToAccess.convert(part121, part121File);
        Path partialFile = folder.resolve("avall_2008_2025_partial.mdb");
        CsvToAccess.convert(csvs(DATA.resolve("avall_2008_2025_partial")), partialFile);

        try (TestDatabase db = TestDatabase.postgres("real_data")) {
            IngestResult avall = new BatchLoader(db.dataSource()).load(part121File, Progress.NONE);
            IngestResult carol =
                    new BatchLoader(db.dataSource()).load(DATA.resolve("aviationdata_1982_2012.csv.gz"), Progress.NONE);
            IngestResult partial =
                    new BatchLoader(db.dataSource(), Duration.ofMinutes(1), true).load(partialFile, Progress.NONE);
            for (IngestResult r : List.of(avall, carol, partial)) {
                System.out.printf(
                        "REAL %s: %d rows read, %d rejected (%.2f%%), %d loaded, tables %s%n",
                        r.file().getFileName(),
                        r.rowsRead(),
                        r.rowsRejected(),
                        100.0 * r.rowsRejected() / r.rowsRead(),
                        r.rowsLoaded(),
                        r.tables());
            }
            // every Part 121 event loads; the rejects are rows of aircraft the extract left out, and blank codes
            assertThat(avall.tables().get("events").loaded()).isEqualTo(2_053);
            assertThat(avall.rowsRejected()).isLessThan(avall.rowsRead() / 50);
            assertThat(
                            db.count(
                                    "SELECT count(*) FROM ingest_rejects WHERE batch_id = " + avall.batchId()
                                            + " AND reason NOT IN ('no aircraft row with this key in the file or the database', 'key column is empty')"))
                    .isZero();
            // the CAROL export loads whole; events avall already holds are kept (the export has no change date)
            assertThat(carol.rowsRejected()).isZero();
            assertThat(carol.tables().get("events").read()).isEqualTo(72_132);
            assertThat(carol.tables().get("events").skipped()).isPositive();
            assertThat(db.count("SELECT count(*) FROM events")).isGreaterThan(72_000);
            for (String severity : List.of("FATL", "SERS", "MINR", "NONE")) {
                assertThat(db.count("SELECT count(*) FROM events WHERE ev_highest_injury = '" + severity + "'"))
                        .isPositive();
            }
            // text dates of both forms were parsed: ISO (Part 121) and mdb-export MM/DD/YY (2008-2025 extract)
            assertThat(db.count("SELECT count(*) FROM events WHERE ev_date IS NULL"))
                    .isZero();
            assertThat(db.count("SELECT count(*) FROM ntsb_admin WHERE lchg_date >= DATE '2008-01-01'"))
                    .isPositive();
            // the 2008-2025 rows load where their events are stored (to 2012) and are orphans otherwise
            assertThat(partial.tables().get("ntsb_admin").loaded()).isPositive();
            assertThat(db.count("SELECT count(*) FROM ingest_rejects WHERE batch_id = " + partial.batchId()
                            + " AND reason NOT LIKE 'no % row with this key in the file or the database'"))
                    .isZero();
        }
    }

    private static List<Path> csvs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("(?i).*\\.csv(\\.gz)?"))
                    .sorted()
                    .toList();
        }
    }
}
