package aero.severity.api.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import aero.severity.api.auth.ClientCredentials;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Clients;
import aero.severity.api.auth.Tier;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api as it runs in production ({@code postgres} profile) on a random port: a fresh PostGIS
 * database, the real Redis, the real MLflow serving a model ml trained, the real token flow.
 * Subclasses talk HTTP to it.
 */
@ExtendWith({RealServicesExtension.class, FreshDatabaseExtension.class, RegisteredModelExtension.class})
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "severity.security.jwt.secret=" + FullStackTest.JWT_SECRET,
            // every test client asks for tokens from 127.0.0.1; TokenThrottleIT checks the real default
            "severity.security.token-requests.per-minute=100000"
        })
@ActiveProfiles("postgres")
@DirtiesContext
public abstract class FullStackTest {

    /** base64 of 32 random bytes, for tests only. */
    public static final String JWT_SECRET = "q3Jx0mQ8c2V2ZXJpdHktdGVzdC1rZXktOTk0Mi1hYmNkZWZnaGlqaw==";

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected Clients clients;

    @DynamicPropertySource
    static void realServices(DynamicPropertyRegistry registry) {
        RealServices services = RealServices.get();
        registry.add("spring.datasource.url", FreshDatabaseExtension::applicationJdbcUrl);
        registry.add("spring.flyway.url", () -> FreshDatabaseExtension.current().jdbcUrl());
        registry.add("spring.datasource.username", services::dbUser);
        registry.add("spring.datasource.password", services::dbPassword);
        registry.add("spring.data.redis.url", services::redisUrl);
        registry.add("severity.mlflow.uri", services::mlflowUri);
        registry.add("severity.model.name", RegisteredModelExtension::modelName);
    }

    /** The command-line arguments that start another instance of the same api (same database, Redis, MLflow, model). */
    protected static String[] sameApiArguments(String... more) {
        RealServices services = RealServices.get();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + FreshDatabaseExtension.current().jdbcUrl(),
                "--spring.datasource.username=" + services.dbUser(),
                "--spring.datasource.password=" + services.dbPassword(),
                "--spring.data.redis.url=" + services.redisUrl(),
                "--severity.mlflow.uri=" + services.mlflowUri(),
                "--severity.model.name=" + RegisteredModelExtension.modelName(),
                "--severity.security.jwt.secret=" + JWT_SECRET));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    protected Http http() {
        return Http.on(port);
    }

    protected Http management() {
        return Http.on(managementPort);
    }

    /** Registers a client with a unique id (so its rate-limit bucket is its own) and returns its credentials. */
    protected ClientCredentials newClient(ClientRole role, Tier tier) {
        return clients.create(
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 12), role, tier, null);
    }

    protected String tokenFor(ClientCredentials credentials) {
        return tokenFor(http(), credentials);
    }

    protected static String tokenFor(Http http, ClientCredentials credentials) {
        Http.Reply reply = http.postJson(
                "/api/v1/auth/token", null, """
                {"clientId":"%s","clientSecret":"%s"}""".formatted(credentials.clientId(), credentials.clientSecret()));
        if (reply.status() != 200) {
            throw new AssertionError("token request failed: " + reply);
        }
        return reply.json().get("access_token").asString();
    }

    protected String token(ClientRole role, Tier tier) {
        return tokenFor(newClient(role, tier));
    }

    /**
     * The sum of the scraped series of metric {@code name} whose labels hold every one of
     * {@code labels} (each written as in the scrape, {@code result="hit"}); 0 when there is none.
     */
    protected double metric(String name, String... labels) {
        return management()
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels)
                        .allMatch(label ->
                                line.substring(0, line.lastIndexOf(' ')).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    protected static void await(Duration timeout, java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
