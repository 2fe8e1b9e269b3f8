package aero.severity.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/Dockerfile and its entrypoint. No Docker engine here: the Dockerfile is checked as
 * instructions, and the entrypoint, which is plain bash, is run for real.
 */
class DockerfileTest {

    record Instruction(String keyword, String arguments) {}

    @Test
    void buildsInStagesAndRunsOnlyAJreAsANonRootUser() {
        List<Instruction> instructions = instructions();
        List<String> stages = instructions.stream()
                .filter(i -> i.keyword().equals("FROM"))
                .map(Instruction::arguments)
                .toList();
        assertThat(stages).hasSize(3);
        assertThat(stages.get(0)).contains("-jdk").endsWith("AS build");
        assertThat(stages.get(2)).contains("-jre").endsWith("AS runtime");
        List<Instruction> runtime = runtimeStage(instructions);
        String user = runtime.stream()
                .filter(i -> i.keyword().equals("USER"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .arguments();
        assertThat(user).isEqualTo("10001:10001");
        assertThat(runtime).extracting(Instruction::keyword).contains("HEALTHCHECK", "ENTRYPOINT", "EXPOSE");
        assertThat(runtime)
                .filteredOn(i -> i.keyword().equals("EXPOSE"))
                .extracting(Instruction::arguments)
                .containsExactly("8080 8081");
    }

    @Test
    void splitsEachJarIntoSpringBootLayersLeastChangingFirst() {
        String dockerfile = Project.read("deploy/Dockerfile");
        assertThat(dockerfile).contains("-Djarmode=tools -jar \"/jars/$app.jar\" extract --layers");
        List<String> copied = runtimeStage(instructions()).stream()
                .filter(i -> i.keyword().equals("COPY"))
                .map(Instruction::arguments)
                .filter(a -> a.startsWith("--from=extract"))
                .toList();
        List<String> layerOrder = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        int last = -1;
        for (String copy : copied) {
            Matcher layer =
                    Pattern.compile("/extract/(api|ingest|ml)/([a-z-]+)/").matcher(copy);
            assertThat(layer.find()).as(copy).isTrue();
            int position = layerOrder.indexOf(layer.group(2));
            assertThat(position).as("layer order at " + copy).isGreaterThanOrEqualTo(last);
            last = position;
        }
        assertThat(copied).hasSize(12);
    }

    @Test
    void everyFileTheBuildCopiesIsInTheContextAndNotIgnored() {
        String ignore = Project.read(".dockerignore");
        for (String path : List.of(
                "deploy/docker/entrypoint.sh",
                "mvnw",
                ".mvn/",
                "pom.xml",
                "api/src/",
                "ingest/src/",
                "ml/src/",
                "common/src/",
                "deploy/pom.xml")) {
            assertThat(Files.exists(Project.root().resolve(path))).as(path).isTrue();
        }
        assertThat(ignore.lines()).contains("**", "!deploy/docker/entrypoint.sh", "!api/src/", ".env", "**/target/");
    }

    @Test
    void theApisJvmOptionsAreItsOwnAndCanBeReplaced() {
        assertThat(entrypoint(Map.of("SEVERITY_API_JVM_OPTIONS", "-XX:+UseZGC -Xss512k"), "api")
                        .stdout())
                .isEqualTo("java -XX:+UseZGC -Xss512k -jar /app/api/application.jar \n");
        assertThat(entrypoint(Map.of("SEVERITY_API_JVM_OPTIONS", ""), "api").stdout())
                .as("set but empty: none")
                .isEqualTo("java -jar /app/api/application.jar \n");
        assertThat(entrypoint(Map.of("SEVERITY_API_JVM_OPTIONS", "-XX:+UseZGC"), "ml", "promote")
                        .stdout())
                .as("the batch roles keep the JVM's defaults")
                .isEqualTo("java -jar /app/ml/application.jar promote\n");
    }

    @Test
    void entrypointStartsTheJarOfEachRole() {
        assertThat(entrypoint(Map.of(), "api").stdout())
                .isEqualTo("java -XX:MaxGCPauseMillis=10 -jar /app/api/application.jar \n");
        assertThat(entrypoint(Map.of()).stdout())
                .as("api is the default")
                .startsWith("java -XX:MaxGCPauseMillis=10 -jar /app/api/application.jar");
        assertThat(entrypoint(Map.of(), "--debug").stdout())
                .isEqualTo("java -XX:MaxGCPauseMillis=10 -jar /app/api/application.jar --debug\n");
        assertThat(entrypoint(Map.of(), "ingest", "import", "/data/a.mdb").stdout())
                .isEqualTo("java -jar /app/ingest/application.jar import /data/a.mdb\n");
        assertThat(entrypoint(Map.of(), "ml", "promote").stdout())
                .isEqualTo("java -jar /app/ml/application.jar promote\n");
        assertThat(entrypoint(Map.of("SEVERITY_TRAINING_TRAINUNTIL", "2010"), "retrain", "/data/up01NOV.mdb")
                        .stdout())
                .isEqualTo("""
                java -jar /app/ingest/application.jar import /data/up01NOV.mdb
                java -jar /app/ml/application.jar monitor --decide
                java -jar /app/ml/application.jar train --train-until 2010
                java -jar /app/ml/application.jar promote
                """);
        ToolRun unknown = entrypoint(Map.of(), "serve");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(unknown.stderr()).contains("usage");
    }

    @Test
    void retrainFetchesTheNtsbsFilesFirstWhenAskedThenIngestsMonitorsTrainsAndGates() {
        List<String> lines = entrypoint(
                        Map.of("SEVERITY_RETRAIN_FETCH", "1", "SEVERITY_TRAINING_TRAINUNTIL", "2010"),
                        "retrain",
                        "/data/up01NOV.mdb")
                .stdout()
                .lines()
                .toList();

        assertThat(lines)
                .containsExactly(
                        "java -jar /app/ingest/application.jar fetch",
                        "java -jar /app/ingest/application.jar import /data/up01NOV.mdb",
                        "java -jar /app/ml/application.jar monitor --decide",
                        "java -jar /app/ml/application.jar train --train-until 2010",
                        "java -jar /app/ml/application.jar promote");
        assertThat(entrypoint(Map.of(), "retrain").stdout())
                .as("not without being asked")
                .doesNotContain(" fetch");
    }

    @Test
    void retrainValidatesOnTheLastTwoCompleteYearsSoItMovesWithTime() {
        int lastComplete = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 1;
        String run = entrypoint(Map.of(), "retrain").stdout();
        // T = current year - 3: train up to T, validate T+1..T+2 = the last two complete years.
        assertThat(run).contains("java -jar /app/ml/application.jar train --train-until " + (lastComplete - 2) + "\n");
        assertThat(run).endsWith("java -jar /app/ml/application.jar promote\n");
    }

    @Test
    void retrainIngestsEveryAccessFileInTheUpdatesFolder(@TempDir Path updates) throws IOException {
        for (String name : List.of("up01NOV.mdb", "up15NOV.MDB", "README.txt")) {
            Files.writeString(updates.resolve(name), "");
        }
        String run = entrypoint(
                        Map.of(
                                "SEVERITY_RETRAIN_UPDATES_DIR",
                                updates.toString(),
                                "SEVERITY_RETRAIN_SAMPLE_EVENTS",
                                "500"),
                        "retrain")
                .stdout();
        assertThat(run.lines().findFirst().orElseThrow())
                .isEqualTo("java -jar /app/ingest/application.jar import " + updates.resolve("up01NOV.mdb") + " "
                        + updates.resolve("up15NOV.MDB"));
        assertThat(run).as("a real file wins over the sample").doesNotContain("generate");
    }

    @Test
    void retrainGeneratesASampleOnlyWhenAskedAndNoFileIsThere(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("updates"));
        Map<String, String> env = Map.of("TMPDIR", tmp.toString(), "SEVERITY_RETRAIN_UPDATES_DIR", empty.toString());
        ToolRun nothing = entrypoint(env, "retrain");
        assertThat(nothing.stdout()).doesNotContain("ingest");
        assertThat(nothing.stderr()).contains("no file to ingest");
        Map<String, String> sample = new java.util.HashMap<>(env);
        sample.put("SEVERITY_RETRAIN_SAMPLE_EVENTS", "500");
        List<String> lines = entrypoint(sample, "retrain").stdout().lines().toList();
        String file = tmp.resolve("severity-sample.mdb").toString();
        assertThat(lines.get(0)).isEqualTo("java -jar /app/ingest/application.jar generate --events 500 --out " + file);
        assertThat(lines.get(1)).isEqualTo("java -jar /app/ingest/application.jar import " + file);
    }

    @Test
    void healthcheckFollowsTheLivenessEndpoint(@TempDir Path tmp) throws IOException {
        int[] status = {200};
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        management.createContext("/actuator/health/liveness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(status[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        management.start();
        try {
            Map<String, String> env = Map.of(
                    "TMPDIR",
                    tmp.toString(),
                    "SEVERITY_MANAGEMENT_PORT",
                    String.valueOf(management.getAddress().getPort()));
            Files.writeString(tmp.resolve("severity-role"), "api");
            assertThat(entrypoint(env, "healthcheck").exitCode()).isZero();
            status[0] = 503;
            assertThat(entrypoint(env, "healthcheck").exitCode()).isEqualTo(1);
            Files.writeString(tmp.resolve("severity-role"), "retrain");
            assertThat(entrypoint(env, "healthcheck").exitCode())
                    .as("batch roles are healthy while they run")
                    .isZero();
        } finally {
            management.stop(0);
        }
        Map<String, String> nothingListens = Map.of("TMPDIR", tmp.toString(), "SEVERITY_MANAGEMENT_PORT", "1");
        Files.writeString(tmp.resolve("severity-role"), "api");
        assertThat(entrypoint(nothingListens, "healthcheck").exitCode()).isEqualTo(1);
    }

    private static ToolRun entrypoint(Map<String, String> env, String... args) {
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("SEVERITY_ENTRYPOINT_DRY_RUN", "1");
        if (!environment.containsKey("TMPDIR")) {
            try {
                environment.put(
                        "TMPDIR", Files.createTempDirectory("entrypoint").toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<String> command = new ArrayList<>(
                List.of(Project.file("deploy/docker/entrypoint.sh").toString()));
        command.addAll(List.of(args));
        return Tool.BASH.run(Project.root(), environment, command);
    }

    private static List<Instruction> instructions() {
        List<Instruction> instructions = new ArrayList<>();
        String joined = Project.read("deploy/Dockerfile").replaceAll("\\\\\\n", " ");
        for (String line : joined.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int space = trimmed.indexOf(' ');
            instructions.add(new Instruction(
                    trimmed.substring(0, space).toUpperCase(),
                    trimmed.substring(space + 1).replaceAll("\\s+", " ").strip()));
        }
        return instructions;
    }

    private static List<Instruction> runtimeStage(List<Instruction> instructions) {
        int start = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                start = i;
            }
        }
        return instructions.subList(start, instructions.size());
    }
}
