package aero.severity.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the checks run for real: helm, promtool, amtool, actionlint, check-jsonschema,
 * yamllint, shellcheck (scripts/tools.sh installs them into .tools/bin), or bash for the project's
 * own scripts. A missing tool FAILS the test with what to do; it is never a skip, because a check
 * that silently does not run is a check that cannot fail.
 */
record Tool(String name) {

    static final Tool HELM = new Tool("helm");
    static final Tool PROMTOOL = new Tool("promtool");
    static final Tool AMTOOL = new Tool("amtool");
    static final Tool ACTIONLINT = new Tool("actionlint");
    static final Tool CHECK_JSONSCHEMA = new Tool("check-jsonschema");
    static final Tool YAMLLINT = new Tool("yamllint");
    static final Tool SHELLCHECK = new Tool("shellcheck");
    static final Tool BASH = new Tool("bash");

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** .tools/bin first (what scripts/tools.sh pinned), then PATH. */
    Path executable() {
        String bin = System.getProperty("severity.tools.bin");
        if (bin != null) {
            Path candidate = Path.of(bin, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed (looked in " + bin + " and on PATH): run scripts/tools.sh,"
                + " which installs the pinned checking tools into .tools/bin (scripts/test.sh does it for you)");
    }

    ToolRun run(String... args) {
        return run(Project.root(), Map.of(), List.of(args));
    }

    ToolRun run(Path workingDirectory, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // Tools find each other (actionlint runs shellcheck) in the same place.
        String bin = System.getProperty("severity.tools.bin");
        if (bin != null) {
            builder.environment().merge("PATH", bin, (path, tools) -> tools + java.io.File.pathSeparator + path);
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT);
            }
            return new ToolRun(String.join(" ", command), process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
