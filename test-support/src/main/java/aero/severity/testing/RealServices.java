package aero.severity.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the real services of a test run are. Resolved once per JVM:
 * <ol>
 *   <li>when {@code SEVERITY_DB_URL} is set, the {@code SEVERITY_*} environment variables (as
 *       {@code scripts/services.sh env} prints them, natively or from docker-compose.test.yml);</li>
 *   <li>else with a Docker engine, containers (PostGIS, Redis, MLflow) are started and their addresses
 *       are published as the same {@code SEVERITY_*} system properties the application reads;</li>
 *   <li>otherwise that script's defaults.</li>
 * </ol>
 * Each service is checked to be reachable so a missing one fails with what to do, not with a
 * connection stack trace deep inside a test.
 */
public record RealServices(
        String jdbcUrl, String dbUser, String dbPassword, String redisUrl, String mlflowUri, boolean containers) {

    public static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:15432/severity";
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:16379";
    public static final String DEFAULT_MLFLOW_URI = "http://127.0.0.1:15000";

    /** Same as {@code docker-compose.test.yml} and the version {@code scripts/services.sh} pins. */
    static final String POSTGIS_IMAGE = "postgis/postgis:15-3.4";

    static final String REDIS_IMAGE = "redis:7-alpine";
    static final String MLFLOW_IMAGE = "ghcr.io/mlflow/mlflow:v3.17.2";

    private static volatile RealServices instance;

    public static RealServices get() {
        RealServices resolved = instance;
        if (resolved == null) {
            synchronized (RealServices.class) {
                resolved = instance;
                if (resolved == null) {
                    // services named in the environment (scripts/test.sh exports those of services.sh, which
                    // in Docker mode are compose containers already) win: starting a second set would
                    // double the load for nothing
                    boolean named = System.getenv("SEVERITY_DB_URL") != null
                            && !System.getenv("SEVERITY_DB_URL").isBlank();
                    resolved = !named && dockerAvailable() ? startContainers() : fromEnvironment(System::getenv);
                    resolved.checkReachable();
                    instance = resolved;
                }
            }
        }
        return resolved;
    }

    static RealServices fromEnvironment(Function<String, String> env) {
        return new RealServices(
                or(env.apply("SEVERITY_DB_URL"), DEFAULT_JDBC_URL),
                or(env.apply("SEVERITY_DB_USER"), "severity"),
                or(env.apply("SEVERITY_DB_PASSWORD"), "severity"),
                or(env.apply("SEVERITY_REDIS_URL"), DEFAULT_REDIS_URL),
                or(env.apply("SEVERITY_MLFLOW_URI"), DEFAULT_MLFLOW_URI),
                false);
    }

    /** The settings as the application reads them (environment-variable names). */
    public Map<String, String> asProperties() {
        return Map.of(
                "SEVERITY_DB_URL",
                jdbcUrl,
                "SEVERITY_DB_USER",
                dbUser,
                "SEVERITY_DB_PASSWORD",
                dbPassword,
                "SEVERITY_REDIS_URL",
                redisUrl,
                "SEVERITY_MLFLOW_URI",
                mlflowUri);
    }

    public String redisHost() {
        return URI.create(redisUrl).getHost();
    }

    public int redisPort() {
        return URI.create(redisUrl).getPort();
    }

    private void checkReachable() {
        String hint = containers
                ? "the test containers did not start"
                : "start them with `scripts/services.sh start` and `eval \"$(scripts/services.sh env)\"`, or run `scripts/test.sh`";
        URI jdbc = URI.create(jdbcUrl.substring("jdbc:".length()));
        requireOpen("PostgreSQL", jdbc.getHost(), jdbc.getPort() < 0 ? 5432 : jdbc.getPort(), hint);
        requireOpen("Redis", redisHost(), redisPort(), hint);
        URI mlflow = URI.create(mlflowUri);
        requireOpen("MLflow", mlflow.getHost(), mlflow.getPort() < 0 ? 80 : mlflow.getPort(), hint);
    }

    private static void requireOpen(String service, String host, int port, String hint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException(
                    service + " is not reachable at " + host + ":" + port + " (" + e.getMessage()
                            + "); integration tests need the real service: " + hint,
                    e);
        }
    }

    private static boolean dockerAvailable() {
        if (Boolean.parseBoolean(System.getenv("SEVERITY_TESTS_NO_DOCKER"))) {
            return false;
        }
        boolean socket = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!socket) {
            return false; // asking Testcontainers would log an ERROR per test JVM on engine-less machines
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // containers live as long as the JVM; Ryuk removes them
    private static RealServices startContainers() {
        PostgreSQLContainer postgis = new PostgreSQLContainer(
                        DockerImageName.parse(POSTGIS_IMAGE).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("severity")
                .withUsername("severity")
                .withPassword("severity");
        GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(6379);
        GenericContainer<?> mlflow = new GenericContainer<>(DockerImageName.parse(MLFLOW_IMAGE))
                .withExposedPorts(5000)
                .withCommand(
                        "mlflow",
                        "server",
                        "--host",
                        "0.0.0.0",
                        "--port",
                        "5000",
                        "--backend-store-uri",
                        "sqlite:////tmp/mlflow.db",
                        "--serve-artifacts",
                        "--artifacts-destination",
                        "/tmp/artifacts")
                .waitingFor(Wait.forHttp("/health").forPort(5000));
        postgis.start();
        redis.start();
        mlflow.start();
        RealServices services = new RealServices(
                postgis.getJdbcUrl(),
                "severity",
                "severity",
                "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379),
                "http://" + mlflow.getHost() + ":" + mlflow.getMappedPort(5000),
                true);
        services.asProperties().forEach(System::setProperty);
        return services;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
