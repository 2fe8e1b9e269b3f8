package aero.severity.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops and starts one of this run's real services through {@code scripts/services.sh}, which
 * reads the ports from the environment Maven got, so a test only ever touches its own services.
 */
public final class LocalServices {

    private LocalServices() {}

    /** The checkout: the nearest folder above the working directory that holds {@code scripts/services.sh}. */
    public static Path projectRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("scripts/services.sh"))) {
            root = root.getParent();
            if (root == null) {
                throw new IllegalStateException(
                        "scripts/services.sh not found above " + Path.of("").toAbsolutePath());
            }
        }
        return root;
    }

    /** {@code scripts/services.sh <verb> <service>}; fails with the script's output when it fails. */
    public static void run(String verb, String service) {
        Path root = projectRoot();
        try {
            Process process = new ProcessBuilder(
                            root.resolve("scripts/services.sh").toString(), verb, service)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("services.sh " + verb + " " + service + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
