package aero.severity.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README command 1, as a newcomer runs it: {@code scripts/demo.sh} on the embedded default (no
 * outside servers) generates a sample, loads it with ingest, trains and registers a champion with ml,
 * creates a client, starts the api and runs its curl sequence. The jars are the ones this build has
 * just packaged ({@code SEVERITY_DEMO_SKIP_BUILD=1}); the real extracts are hidden so the generated
 * path runs the same everywhere.
 */
class DemoScriptIT {

    @TempDir
    Path data;

    @Test
    void theDemoLoadsDataTrainsAChampionAndItsCurlSequencePredictsThenAnswersFromTheCache() throws Exception {
        Path root = projectRoot();
        Path log = data.resolve("demo.out");
        ProcessBuilder demo = new ProcessBuilder(
                        "bash", root.resolve("scripts/demo.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        demo.environment()
                .putAll(java.util.Map.of(
                        "SEVERITY_DEMO_SKIP_BUILD", "1",
                        "SEVERITY_DEMO_EXIT", "1",
                        "SEVERITY_DEMO_DATA", data.resolve("demo").toString(),
                        "SEVERITY_NTSB_DATA", data.resolve("no-real-data").toString(),
                        "SEVERITY_API_PORT", String.valueOf(freePort()),
                        "SEVERITY_MANAGEMENT_PORT", String.valueOf(freePort())));
        Process process = demo.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(finished)
                .as("demo.sh finished within 10 minutes:\n%s", output)
                .isTrue();
        assertThat(process.exitValue()).as("demo.sh exit code:\n%s", output).isZero();
        assertThat(output).contains("loading a generated sample").contains("registering it in");
        List<String> predictions = Pattern.compile("(?m)^\\{\"severity\":\"(FATL|SERS|MINR|NONE)\".*$")
                .matcher(output)
                .results()
                .map(MatchResult::group)
                .toList();
        assertThat(predictions).as("the two predict answers in:\n%s", output).hasSize(2);
        assertThat(predictions.get(0)).contains("\"cached\":false").contains("\"probabilities\":{\"FATL\":");
        assertThat(predictions.get(1)).contains("\"cached\":true");
        assertThat(output).containsPattern("(?m)^HTTP/1\\.1 200");
        assertThat(output).contains("done; stopping the api");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("scripts/demo.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "scripts/demo.sh not found above " + Path.of("").toAbsolutePath());
    }
}
