package aero.severity.ingest.load;

import java.nio.file.Path;
import java.util.Locale;

import aero.severity.ingest.access.AccessFile;
import aero.severity.ingest.carol.CarolFile;
import aero.severity.ingest.source.SourceFile;
import aero.severity.ingest.source.UnreadableFileException;

/**
 * The formats a batch reads, told by the file name: an NTSB Access database ({@code .mdb}, {@code .accdb})
 * or a CAROL / AviationData CSV export ({@code .csv}, {@code .csv.gz}). The batch ledger records the
 * name ({@code ingest_batches.source_kind}). Here, beside the loader, because the loader is what opens
 * files: the {@code source} package only says what a file of tables is, and its formats implement it.
 */
enum SourceKind {
    ACCESS,
    CAROL_CSV;

    static SourceKind of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mdb") || name.endsWith(".accdb")) {
            return ACCESS;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return CAROL_CSV;
        }
        throw new UnreadableFileException(
                file.getFileName() + ": unknown kind of file; expected an NTSB Access database"
                        + " (.mdb, .accdb) or a CAROL / AviationData CSV export (.csv, .csv.gz)");
    }

    /** @param partial accept Access files without an events table (child tables whose events are stored) */
    SourceFile open(Path file, boolean partial) {
        return switch (this) {
            case ACCESS -> AccessFile.open(file, partial);
            case CAROL_CSV -> CarolFile.open(file);
        };
    }
}
