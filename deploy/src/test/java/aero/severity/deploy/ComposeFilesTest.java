package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (the whole stack) and docker-compose.test.yml (the services the suite needs),
 * validated against the Compose Specification schema by check-jsonschema and checked as data.
 * There is no Docker engine here, so nothing is started.
 */
class ComposeFilesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

    @Test
    void bothFilesMatchTheComposeSpecification() {
        ToolRun run = Tool.CHECK_JSONSCHEMA.run(
                "--builtin-schema", "vendor.compose-spec", "docker-compose.yml", "docker-compose.test.yml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void theSchemaCheckRejectsAnInvalidFile(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("compose.yml");
        Files.writeString(
                broken, "services:\n  api:\n    image: x\n    depends_on:\n      db:\n        condition: when_ready\n");
        ToolRun run = Tool.CHECK_JSONSCHEMA.run(
                dir, Map.of(), List.of("--builtin-schema", "vendor.compose-spec", broken.toString()));
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void theStackHasEveryPartOfThePlatform() {
        assertThat(services("docker-compose.yml").keySet())
                .contains(
                        "postgis",
                        "pgbouncer",
                        "redis",
                        "mlflow",
                        "api",
                        "ingest-train",
                        "prometheus",
                        "grafana",
                        "postgres-exporter",
                        "redis-exporter",
                        "alertmanager");
    }

    @Test
    void alertmanagerRunsTheRepositoryRoutingWithItsReceiverSecretsWhereTheConfigReadsThem() {
        YamlTree alertmanager =
                YamlTree.parse(Project.read("docker-compose.yml")).at("services.alertmanager");
        String routing = Project.read("alertmanager/alertmanager.yml");

        assertThat(alertmanager.at("volumes.0").text()).isEqualTo("./alertmanager:/etc/alertmanager/config:ro");
        assertThat(alertmanager.at("command.0").text())
                .isEqualTo("--config.file=/etc/alertmanager/config/alertmanager.yml");
        for (YamlTree secret : alertmanager.at("secrets").list()) {
            assertThat(routing)
                    .as("alertmanager.yml reads " + secret.at("target").text())
                    .contains(secret.at("target").text());
        }
        assertThat(alertmanager.at("secrets").list()).hasSize(2);
        YamlTree secrets = YamlTree.parse(Project.read("docker-compose.yml")).at("secrets");
        assertThat(envExampleKeys())
                .contains(
                        secrets.at("pagerduty-routing-key.environment").text(),
                        secrets.at("slack-webhook-url.environment").text());
        assertThat(Project.read("prometheus/prometheus.yml")).contains("alertmanager:9093");
    }

    @Test
    void everyDependencyWaitsForAHealthyService() {
        for (String file : List.of("docker-compose.yml", "docker-compose.test.yml")) {
            Map<String, Object> services = services(file);
            services.forEach((name, definition) -> {
                YamlTree service = new YamlTree(definition);
                service.at("depends_on").map().forEach((dependency, condition) -> {
                    if (oneShot(services.get(dependency))) {
                        assertThat(new YamlTree(condition).at("condition").text())
                                .as(name + " -> " + dependency)
                                .isEqualTo("service_completed_successfully");
                        return;
                    }
                    assertThat(new YamlTree(condition).at("condition").text())
                            .as(name + " -> " + dependency)
                            .isEqualTo("service_healthy");
                    assertThat(new YamlTree(services.get(dependency))
                                    .at("healthcheck.test")
                                    .exists())
                            .as(dependency + " needs a healthcheck for " + name + " to wait on")
                            .isTrue();
                });
                if (!oneShot(definition)) {
                    assertThat(service.at("healthcheck.test").exists())
                            .as(file + ": " + name + " healthcheck")
                            .isTrue();
                }
            });
        }
    }

    @Test
    void upWaitAcceptsTheExitOfEveryOneShotJob() {
        // `docker compose up --wait` fails on a container that exits, even with 0, unless a running
        // service depends on it with service_completed_successfully.
        Map<String, Object> services = services("docker-compose.yml");
        List<String> oneShots = services.entrySet().stream()
                .filter(e -> oneShot(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(oneShots).contains("ingest-train");
        for (String job : oneShots) {
            assertThat(services.entrySet())
                    .as(job + " is awaited by a long-running service")
                    .anySatisfy(e -> {
                        assertThat(oneShot(e.getValue())).isFalse();
                        assertThat(new YamlTree(e.getValue())
                                        .at("depends_on")
                                        .key(job)
                                        .at("condition")
                                        .value())
                                .isEqualTo("service_completed_successfully");
                    });
        }
    }

    @Test
    void everyJobConnectsToPostgresDirectlyNotThroughPgBouncer() {
        // Ingest takes a session-level advisory lock and COPYs into staging tables, and Flyway runs
        // first: none of it survives PgBouncer's transaction pooling.
        Map<String, Object> services = services("docker-compose.yml");
        List<String> jobs = services.entrySet().stream()
                .filter(e -> oneShot(e.getValue()))
                .filter(e -> new YamlTree(e.getValue())
                        .at("environment.SEVERITY_DB_URL")
                        .exists())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(jobs).contains("ingest-train");
        for (String job : jobs) {
            YamlTree environment = new YamlTree(services.get(job)).at("environment");
            assertThat(environment.at("SEVERITY_DB_URL").text())
                    .as(job)
                    .startsWith("jdbc:postgresql://postgis:5432/")
                    .doesNotContain("pgbouncer");
            assertThat(environment.at("SEVERITY_DB_MIGRATION_URL").text())
                    .as(job)
                    .isEqualTo(environment.at("SEVERITY_DB_URL").text());
        }
    }

    @Test
    void aFreshStackWithoutAnNtsbFileTrainsOnAGeneratedSample(@TempDir Path dataDir) throws IOException {
        assertThat(ingestTrainRun(dataDir))
                .containsExactly(
                        "java -jar /app/ingest/application.jar generate --events 20000 --out "
                                + dataDir.resolve("tmp/severity-sample.mdb"),
                        "java -jar /app/ingest/application.jar import " + dataDir.resolve("tmp/severity-sample.mdb"),
                        "java -jar /app/ml/application.jar monitor --decide",
                        "java -jar /app/ml/application.jar train --train-until "
                                + (java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 3),
                        "java -jar /app/ml/application.jar promote");
    }

    @Test
    void theNtsbFilesInTheDataFolderAreLoadedInsteadOfTheSample(@TempDir Path dataDir) throws IOException {
        Path ntsb = Files.createDirectories(dataDir.resolve("ntsb"));
        Files.writeString(ntsb.resolve("avall.mdb"), "");
        Files.writeString(ntsb.resolve("up01NOV.mdb"), "");
        List<String> run = ingestTrainRun(dataDir);
        assertThat(run.get(0))
                .isEqualTo("java -jar /app/ingest/application.jar import " + ntsb.resolve("avall.mdb") + " "
                        + ntsb.resolve("up01NOV.mdb"));
        assertThat(run).noneMatch(line -> line.contains("generate"));
    }

    /**
     * What the ingest-train service runs: its command through the image's entrypoint (dry run), with
     * its environment as compose interpolates it from .env.example's defaults, and its /data mount
     * as {@code dataDir/ntsb}.
     */
    private static List<String> ingestTrainRun(Path dataDir) throws IOException {
        YamlTree job = new YamlTree(services("docker-compose.yml").get("ingest-train"));
        String mount = job.at("volumes.0").text();
        String containerPath = interpolate(mount).split(":")[1];
        Map<String, String> environment = new java.util.HashMap<>();
        job.at("environment").map().forEach((k, v) -> environment.put(k, interpolate(String.valueOf(v))));
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getValue().equals(containerPath)) {
                e.setValue(dataDir.resolve("ntsb").toString());
            }
        }
        environment.put(
                "TMPDIR", Files.createDirectories(dataDir.resolve("tmp")).toString());
        environment.put("SEVERITY_ENTRYPOINT_DRY_RUN", "1");
        List<String> command = new java.util.ArrayList<>(
                List.of(Project.file("deploy/docker/entrypoint.sh").toString()));
        job.at("command").list().forEach(arg -> command.add(interpolate(arg.text())));
        ToolRun run = Tool.BASH.run(Project.root(), environment, command);
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        return run.stdout().lines().toList();
    }

    /** Compose's interpolation with nothing set: defaults, a dummy for required values. */
    private static String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2) == null ? "" : matcher.group(2);
            String replacement = operator.endsWith("-") ? matcher.group(3) : operator.endsWith("?") ? "set" : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    private static boolean oneShot(Object service) {
        return "no".equals(new YamlTree(service).at("restart").value());
    }

    @Test
    void secretsComeFromTheEnvFileAndAreRequiredNotDefaulted() {
        String compose = Project.read("docker-compose.yml");
        Set<String> documented = envExampleKeys();
        Matcher matcher = VARIABLE.matcher(compose);
        Set<String> used = new HashSet<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            used.add(name);
            assertThat(documented)
                    .as(name + " is used by docker-compose.yml but not in .env.example")
                    .contains(name);
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(matcher.group(2))
                        .as(name + " must be required (${" + name + ":?...}), never defaulted")
                        .isEqualTo(":?");
            }
        }
        assertThat(used)
                .contains(
                        "SEVERITY_DB_PASSWORD",
                        "SEVERITY_JWT_SECRET",
                        "SEVERITY_REDIS_PASSWORD",
                        "GRAFANA_ADMIN_PASSWORD");
        assertThat(Project.read(".gitignore").lines()).contains(".env");
    }

    @Test
    void theApiReachesPostgresThroughPgBouncerAndMigratesDirectly() {
        YamlTree api = new YamlTree(services("docker-compose.yml").get("api"));
        assertThat(api.at("environment.SEVERITY_DB_URL").text())
                .startsWith("jdbc:postgresql://pgbouncer:5432/")
                .endsWith("?prepareThreshold=0");
        assertThat(api.at("environment.SEVERITY_DB_MIGRATION_URL").text())
                .startsWith("jdbc:postgresql://postgis:5432/");
        YamlTree pgbouncer = new YamlTree(services("docker-compose.yml").get("pgbouncer"));
        assertThat(pgbouncer.at("environment.POOL_MODE").text()).isEqualTo("transaction");
        assertThat(api.at("environment").map())
                .containsKeys(
                        "SEVERITY_FEATURE_PREDICTION_CACHE",
                        "SEVERITY_FEATURE_SHADOW_CHALLENGER",
                        "SEVERITY_FEATURE_BATCH_MAX_SIZE",
                        "SEVERITY_JWT_SECRET");
    }

    @Test
    void theApiAndTheJobsRunTheOneImageWithTheirRole() {
        Map<String, Object> services = services("docker-compose.yml");
        YamlTree api = new YamlTree(services.get("api"));
        YamlTree job = new YamlTree(services.get("ingest-train"));
        assertThat(api.at("build.dockerfile").text()).isEqualTo("deploy/Dockerfile");
        assertThat(job.at("image").text()).isEqualTo(api.at("image").text());
        assertThat(api.at("command.0").text()).isEqualTo("api");
        assertThat(job.at("command.0").text()).isEqualTo("retrain");
    }

    @Test
    void publishedPortsListenOnLoopbackOnly() {
        for (String file : List.of("docker-compose.yml", "docker-compose.test.yml")) {
            services(file)
                    .forEach((name, definition) -> new YamlTree(definition)
                            .at("ports")
                            .list()
                            .forEach(port -> assertThat(port.text())
                                    .as(file + ": " + name)
                                    .startsWith("127.0.0.1:")));
        }
    }

    @Test
    void mlflowKeepsItsDataInAVolume() {
        YamlTree mlflow = new YamlTree(services("docker-compose.yml").get("mlflow"));
        assertThat(mlflow.at("volumes").list()).extracting(YamlTree::text).contains("mlflow-data:/mlflow");
        assertThat(YamlTree.parse(Project.read("docker-compose.yml"))
                        .at("volumes")
                        .map())
                .containsKey("mlflow-data");
    }

    @Test
    void testServicesMatchWhatServicesShAndTheTestsExpect() {
        Map<String, Object> services = services("docker-compose.test.yml");
        assertThat(services.keySet()).containsExactlyInAnyOrder("postgis", "pgbouncer", "redis", "mlflow");
        String script = Project.read("scripts/services.sh");
        Matcher version = Pattern.compile("MLFLOW_VERSION=\"([^\"]+)\"").matcher(script);
        assertThat(version.find()).isTrue();
        assertThat(new YamlTree(services.get("mlflow")).at("image").text()).endsWith(":v" + version.group(1));
        assertThat(new YamlTree(services.get("postgis")).at("ports.0").text())
                .isEqualTo("127.0.0.1:${SEVERITY_PG_PORT:-15432}:5432");
        assertThat(new YamlTree(services.get("redis")).at("ports.0").text())
                .isEqualTo("127.0.0.1:${SEVERITY_REDIS_PORT:-16379}:6379");
        assertThat(new YamlTree(services.get("mlflow")).at("ports.0").text())
                .isEqualTo("127.0.0.1:${SEVERITY_MLFLOW_PORT:-15000}:5000");
        assertThat(new YamlTree(services.get("pgbouncer")).at("ports.0").text())
                .isEqualTo("127.0.0.1:${SEVERITY_PGBOUNCER_PORT:-16432}:5432");
        assertThat(script).contains("PGB_PORT=\"${SEVERITY_PGBOUNCER_PORT:-16432}\"");
        // Same images as the compose stack, so tests run against what production runs.
        Map<String, Object> stack = services("docker-compose.yml");
        for (String name : List.of("postgis", "pgbouncer", "redis", "mlflow")) {
            assertThat(new YamlTree(services.get(name)).at("image").text())
                    .as(name)
                    .isEqualTo(new YamlTree(stack.get(name)).at("image").text());
        }
    }

    private static Map<String, Object> services(String file) {
        return YamlTree.parse(Project.read(file)).at("services").map();
    }

    private static Set<String> envExampleKeys() {
        Set<String> keys = new HashSet<>();
        for (String line : Project.read(".env.example").split("\n")) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                keys.add(line.substring(0, equals).strip());
            }
        }
        return keys;
    }
}
