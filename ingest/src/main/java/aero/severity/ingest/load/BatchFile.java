package aero.severity.ingest.load;

import java.nio.file.Path;
import java.time.Instant;

/** The file one batch imports, as the batch ledger records it. */
record BatchFile(Path path, FileFingerprint fingerprint, SourceKind kind, Instant started) {

    String name() {
        return path.getFileName().toString();
    }

    String sha256() {
        return fingerprint.sha256();
    }
}
