package aero.severity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * docker-compose.yml (the whole stack) and docker-compose.test.yml (the services the suite needs),
 * validated against the Compose Specification schema by check-jsonschema and checked as data.
 * There is no Docker engine here, so nothing is started.
 */
class ComposeFilesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

    @Test
    void bothFilesMatchTheComposeSpecification() {
        ToolRun run = Tool.CHECK_JSONSCHEMA.run("--builtin-schema", "vendor.compose-spec", "docker-compose.yml",
                "docker-compose.test.yml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void theSchemaCheckRejectsAnInvalidFile(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("compose.yml");
        Files.writeString(broken, "services:\n  api:\n    image: x\n    depends_on:\n      db:\n        condition: when_ready\n");
        ToolRun run = Tool.CHECK_JSONSCHEMA.run(dir, Map.of(), List.of("--builtin-schema", "vendor.compose-spec", broken.toString()));
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void theStackHasEveryPartOfThePlatform() {
        assertThat(services("docker-compose.yml").keySet()).contains("postgis", "pgbouncer", "redis", "mlflow", "api",
                "ingest-train", "prometheus", "grafana", "postgres-exporter", "redis-exporter");
    }

    @Test
    void everyDependencyWaitsForAHealthyService() {
        for (String file : List.of("docker-compose.yml", "docker-compose.test.yml")) {
            Map<String, Object> services = services(file);
            services.forEach((name, definition) -> {
                YamlTree service = new YamlTree(definition);
                service.at("depends_on").map().forEach((dependency, condition) -> {
                    assertThat(new YamlTree(condition).at("condition").text()).as(name + " -> " + dependency)
                            .isEqualTo("service_healthy");
                    assertThat(new YamlTree(services.get(dependency)).at("healthcheck.test").exists())
                            .as(dependency + " needs a healthcheck for " + name + " to wait on").isTrue();
                });
                boolean oneShot = "no".equals(service.at("restart").value());
                if (!oneShot) {
                    assertThat(service.at("healthcheck.test").exists()).as(file + ": " + name + " healthcheck").isTrue();
                }
            });
        }
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
            assertThat(documented).as(name + " is used by docker-compose.yml but not in .env.example").contains(name);
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(matcher.group(2)).as(name + " must be required (${" + name + ":?...}), never defaulted").isEqualTo(":?");
            }
        }
        assertThat(used).contains("SEVERITY_DB_PASSWORD", "SEVERITY_JWT_SECRET", "SEVERITY_REDIS_PASSWORD", "GRAFANA_ADMIN_PASSWORD");
        assertThat(Project.read(".gitignore").lines()).contains(".env");
    }

    @Test
    void theApiReachesPostgresThroughPgBouncerAndMigratesDirectly() {
        YamlTree api = new YamlTree(services("docker-compose.yml").get("api"));
        assertThat(api.at("environment.SEVERITY_DB_URL").text()).startsWith("jdbc:postgresql://pgbouncer:5432/")
                .endsWith("?prepareThreshold=0");
        assertThat(api.at("environment.SEVERITY_DB_MIGRATION_URL").text()).startsWith("jdbc:postgresql://postgis:5432/");
        YamlTree pgbouncer = new YamlTree(services("docker-compose.yml").get("pgbouncer"));
        assertThat(pgbouncer.at("environment.POOL_MODE").text()).isEqualTo("transaction");
        assertThat(api.at("environment").map()).containsKeys("SEVERITY_FEATURE_PREDICTION_CACHE",
                "SEVERITY_FEATURE_SHADOW_CHALLENGER", "SEVERITY_FEATURE_BATCH_MAX_SIZE", "SEVERITY_JWT_SECRET");
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
            services(file).forEach((name, definition) -> new YamlTree(definition).at("ports").list()
                    .forEach(port -> assertThat(port.text()).as(file + ": " + name).startsWith("127.0.0.1:")));
        }
    }

    @Test
    void mlflowKeepsItsDataInAVolume() {
        YamlTree mlflow = new YamlTree(services("docker-compose.yml").get("mlflow"));
        assertThat(mlflow.at("volumes").list()).extracting(YamlTree::text).contains("mlflow-data:/mlflow");
        assertThat(YamlTree.parse(Project.read("docker-compose.yml")).at("volumes").map()).containsKey("mlflow-data");
    }

    @Test
    void testServicesMatchWhatServicesShAndTheTestsExpect() {
        Map<String, Object> services = services("docker-compose.test.yml");
        assertThat(services.keySet()).containsExactlyInAnyOrder("postgis", "pgbouncer", "redis", "mlflow");
        String script = Project.read("scripts/services.sh");
        Matcher version = Pattern.compile("MLFLOW_VERSION=\"([^\"]+)\"").matcher(script);
        assertThat(version.find()).isTrue();
        assertThat(new YamlTree(services.get("mlflow")).at("image").text()).endsWith(":v" + version.group(1));
        assertThat(new YamlTree(services.get("postgis")).at("ports.0").text()).isEqualTo("127.0.0.1:${SEVERITY_PG_PORT:-15432}:5432");
        assertThat(new YamlTree(services.get("redis")).at("ports.0").text()).isEqualTo("127.0.0.1:${SEVERITY_REDIS_PORT:-16379}:6379");
        assertThat(new YamlTree(services.get("mlflow")).at("ports.0").text()).isEqualTo("127.0.0.1:${SEVERITY_MLFLOW_PORT:-15000}:5000");
        assertThat(new YamlTree(services.get("pgbouncer")).at("ports.0").text())
                .isEqualTo("127.0.0.1:${SEVERITY_PGBOUNCER_PORT:-16432}:5432");
        assertThat(script).contains("PGB_PORT=\"${SEVERITY_PGBOUNCER_PORT:-16432}\"");
        // Same images as the compose stack, so tests run against what production runs.
        Map<String, Object> stack = services("docker-compose.yml");
        for (String name : List.of("postgis", "pgbouncer", "redis", "mlflow")) {
            assertThat(new YamlTree(services.get(name)).at("image").text()).as(name)
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
