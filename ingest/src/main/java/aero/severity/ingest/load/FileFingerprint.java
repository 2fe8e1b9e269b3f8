package aero.severity.ingest.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a file's content: its size and sha256 (hex). The batch ledger keys loads on the
 * sha256, so the same content twice is a no-op; `ingest fetch` checks what arrived by the same value.
 */
public record FileFingerprint(long size, String sha256) {

    public static FileFingerprint of(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new FileFingerprint(
                    size,
                    HexFormat.of()
                            .formatHex(
                                    ((DigestInputStream) in).getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
