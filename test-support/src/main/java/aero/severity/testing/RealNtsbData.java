package aero.severity.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real NTSB extracts are, looked up one way for every test (and as scripts/lib/ntsb-data.sh
 * does for the scripts): {@code SEVERITY_NTSB_DATA} when set, else {@code ../shared/data/ntsb} beside
 * the repository (the folder holding {@code mvnw}, found from the working directory up). The data is
 * never copied into the project; tests that need it skip when {@link #present()} is false.
 */
public final class RealNtsbData {

    private RealNtsbData() {}

    /** The folder the data is expected in; it may not exist. */
    public static Path folder() {
        String configured = System.getenv("SEVERITY_NTSB_DATA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return (dir == null ? Path.of("").toAbsolutePath() : dir)
                .resolve("../shared/data/ntsb")
                .normalize();
    }

    public static boolean present() {
        return Files.isDirectory(folder());
    }
}
