package aero.severity.ingest.source;

import java.nio.file.Path;
import java.util.Locale;

import aero.severity.ingest.access.AccessFile;
import aero.severity.ingest.carol.CarolFile;

/** Opens a file by what it is: {@code .mdb}/{@code .accdb} (Access) or {@code .csv}/{@code .csv.gz} (CAROL export). */
public final class Sources {

    private Sources() {
    }

    public static String kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mdb") || name.endsWith(".accdb")) {
            return "ACCESS";
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return "CAROL_CSV";
        }
        throw new UnreadableFileException(file.getFileName() + ": unknown kind of file; expected an NTSB Access database"
                + " (.mdb, .accdb) or a CAROL / AviationData CSV export (.csv, .csv.gz)");
    }

    public static SourceFile open(Path file, boolean partial) {
        return switch (kindOf(file)) {
            case "ACCESS" -> AccessFile.open(file, partial);
            default -> CarolFile.open(file);
        };
    }
}
