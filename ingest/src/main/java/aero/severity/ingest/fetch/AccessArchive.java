package aero.severity.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Takes the Access files out of a downloaded archive, refusing what a hostile or broken archive does:
 * entry names that climb out of the folder ({@code ../}, absolute paths, drive letters), entries that
 * inflate far beyond their compressed size (a zip bomb), more bytes in all than the limit. Sizes are
 * counted as the bytes come out, never taken from the archive's own claims. {@link ZipFile} reads the
 * central directory from the end, so the NTSB's older self-extracting archives open as well.
 */
final class AccessArchive {

    /** Entries smaller than this are not held to the ratio: a nearly empty Access file deflates very well. */
    private static final long RATIO_GRACE_BYTES = 1L << 20;

    private AccessArchive() {}

    /** The Access files of {@code archive}, written flat into {@code folder} (emptied first), in name order. */
    static List<Path> unpack(Path archive, Path folder, long maxTotalBytes, int maxRatio) {
        String name = archive.getFileName().toString();
        try (ZipFile zip = open(archive)) {
            List<ZipEntry> access = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (unsafe(entry.getName())) {
                    throw new FetchException(
                            FetchFailure.ARCHIVE,
                            name + " refused: entry '" + entry.getName()
                                    + "' would be written outside the download folder");
                }
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                if (!entry.isDirectory() && (lower.endsWith(".mdb") || lower.endsWith(".accdb"))) {
                    access.add(entry);
                }
            }
            if (access.isEmpty()) {
                throw new FetchException(FetchFailure.ARCHIVE, name + " holds no Access database (.mdb, .accdb)");
            }
            access.sort(Comparator.comparing(ZipEntry::getName));
            clear(folder);
            Files.createDirectories(folder);
            List<Path> files = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (ZipEntry entry : access) {
                String base = baseName(entry.getName());
                if (!seen.add(base.toLowerCase(Locale.ROOT))) {
                    throw new FetchException(FetchFailure.ARCHIVE, name + " holds two Access files named " + base);
                }
                Path out = folder.resolve(base);
                long compressed = entry.getCompressedSize() > 0 ? entry.getCompressedSize() : Files.size(archive);
                total += copy(zip, entry, out, compressed, maxTotalBytes - total, maxRatio, name);
                files.add(out);
            }
            return List.copyOf(files);
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid in the archive's declared encoding
            throw new FetchException(FetchFailure.ARCHIVE, name + " is a corrupt zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchException(FetchFailure.ARCHIVE, "cannot unpack " + name + ": " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new FetchException(
                    FetchFailure.ARCHIVE, archive.getFileName() + " is not a zip archive" + preview(archive), e);
        }
    }

    private static long copy(
            ZipFile zip, ZipEntry entry, Path out, long compressed, long budget, int maxRatio, String name)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (InputStream in = zip.getInputStream(entry);
                OutputStream sink = Files.newOutputStream(out)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > budget) {
                    throw new FetchException(
                            FetchFailure.ARCHIVE,
                            name + " refused: it unpacks to more than"
                                    + " severity.ingest.fetch.max-uncompressed-size; a zip bomb or the wrong file");
                }
                if (written > RATIO_GRACE_BYTES && written > compressed * maxRatio) {
                    throw new FetchException(
                            FetchFailure.ARCHIVE,
                            name + " refused: " + entry.getName() + " inflates more than " + maxRatio
                                    + "x its compressed size (severity.ingest.fetch.max-compression-ratio); a zip bomb");
                }
                sink.write(buffer, 0, n);
            }
        } catch (FetchException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return written;
    }

    static boolean unsafe(String entryName) {
        String n = entryName.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : n.split("/", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String baseName(String entryName) {
        String n = entryName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static void clear(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The first bytes when they are text: an HTML page where an archive was expected says what went wrong. */
    private static String preview(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(60);
            if (head.length == 0) {
                return " (it is empty)";
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || (c >= 32 && c < 127))) {
                return " (it starts with \"" + text.replaceAll("\\s+", " ").strip() + "\")";
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }
}
