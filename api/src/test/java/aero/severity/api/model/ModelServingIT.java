package aero.severity.api.model;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.LocalServices;
import aero.severity.api.support.RealModels;
import aero.severity.api.support.RegisteredModelExtension;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.testing.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The api against the real MLflow, serving models ml trained: the champion is served, a new one
 * replaces it without a restart or a dropped request, and a version with missing artifacts or a
 * stopped MLflow ({@code scripts/services.sh stop mlflow}) never takes the working model away.
 */
@TestPropertySource(properties = "severity.model.poll-interval=300ms")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelServingIT extends FullStackTest {

    String analyst;
    String admin;

    @BeforeEach
    void tokens() {
        analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
    }

    @AfterAll
    static void mlflowRunsAgain() {
        LocalServices.run("start", "mlflow");
    }

    @Test
    @Order(1)
    void servesTheChampionMlTrainedAndRegisteredInMlflow() {
        ModelId first = RegisteredModelExtension.firstChampion();

        JsonNode current = http().get("/api/v1/models/current", analyst).json();
        Http.Reply predict = http().postJson("/api/v1/predict", analyst, Flights.unique());

        assertThat(current.get("name").asString()).isEqualTo(RegisteredModelExtension.modelName());
        assertThat(current.get("version").asString()).isEqualTo(first.version());
        assertThat(current.get("runId").asString()).isEqualTo(first.runId());
        assertThat(current.get("alias").asString()).isEqualTo("champion");
        assertThat(predict.status()).as(predict.toString()).isEqualTo(200);
        JsonNode p = predict.json().get("probabilities");
        assertThat(p.get("FATL").asDouble()
                        + p.get("SERS").asDouble()
                        + p.get("MINR").asDouble()
                        + p.get("NONE").asDouble())
                .isCloseTo(1.0, within(1e-9));
        assertThat(predict.json().get("model").get("runId").asString()).isEqualTo(first.runId());
        assertThat(gauge("severity_model_created_timestamp_seconds"))
                .isBetween(
                        Instant.now().minus(Duration.ofHours(1)).getEpochSecond() * 1.0,
                        Instant.now().getEpochSecond() + 1.0);
    }

    @Test
    @Order(2)
    void aNewChampionIsPickedUpByThePollerAndServes() {
        ModelId next =
                RealModels.register(RegisteredModelExtension.registry(), RealModels.other(), ModelRegistry.CHAMPION);

        await(
                Duration.ofSeconds(30),
                () -> next.version().equals(currentVersion()),
                "the poller to load " + next.version());

        assertThat(http().postJson("/api/v1/predict", analyst, Flights.unique())
                        .json()
                        .get("model")
                        .get("version")
                        .asString())
                .isEqualTo(next.version());
        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern("severity_model_info\\{[^}]*version=\"" + next.version() + "\"[^}]*} 1");
    }

    @Test
    @Order(3)
    void adminReloadSwapsAtOnceAndSaysWhat() {
        ModelId next =
                RealModels.register(RegisteredModelExtension.registry(), RealModels.champion(), ModelRegistry.CHAMPION);

        Http.Reply reply = http().postJson("/api/v1/models/reload", admin, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("model").get("version").asString()).isEqualTo(next.version());
        assertThat(reply.json().get("outcome").asString()).isIn("swapped", "unchanged");
        assertThat(currentVersion()).isEqualTo(next.version());
    }

    @Test
    @Order(4)
    void swappingUnderLoadDropsNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Set<String> versions = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    Http.Reply reply = http().postJson("/api/v1/predict", analyst, Flights.unique());
                    statuses.add(reply.status());
                    if (reply.status() == 200) {
                        versions.add(reply.json().get("model").get("version").asString());
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        for (int i = 0; i < 4; i++) {
            RealModels.register(
                    RegisteredModelExtension.registry(),
                    i % 2 == 0 ? RealModels.other() : RealModels.champion(),
                    ModelRegistry.CHAMPION);
            assertThat(http().postJson("/api/v1/models/reload", admin, "").status())
                    .isEqualTo(200);
        }
        running.set(false);
        for (Thread thread : clients) {
            thread.join();
        }

        assertThat(statuses).isNotEmpty().containsOnly(200);
        assertThat(versions).hasSizeGreaterThan(1);
    }

    @Test
    @Order(5)
    void aVersionWhoseArtifactsAreMissingLeavesTheLastGoodModelServing() throws Exception {
        String serving = currentVersion();
        String broken = registerVersionWithoutArtifacts();
        RegisteredModelExtension.registry()
                .setAlias(ModelRegistry.CHAMPION, new ModelId(RegisteredModelExtension.modelName(), broken, null));

        Http.Reply reload = http().postJson("/api/v1/models/reload", admin, "");

        assertThat(reload.status()).as(reload.toString()).isEqualTo(503);
        assertThat(reload.json().get("type").asString()).isEqualTo("urn:severity:problem:model-refresh-failed");
        assertThat(reload.json().get("outcome").asString()).isEqualTo("load_failed");
        assertThat(reload.json().get("servingVersion").asString()).isEqualTo(serving);
        assertThat(http().postJson("/api/v1/predict", analyst, Flights.unique())
                        .json()
                        .get("model")
                        .get("version")
                        .asString())
                .isEqualTo(serving);
        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern("severity_model_refresh_total\\{[^}]*outcome=\"load_failed\"[^}]*} [1-9]");
        RegisteredModelExtension.registry()
                .setAlias(ModelRegistry.CHAMPION, new ModelId(RegisteredModelExtension.modelName(), serving, null));
    }

    @Test
    @Order(6)
    void withMlflowStoppedTheModelKeepsServingAndReloadSaysWhyThenItRecovers() {
        String serving = currentVersion();

        LocalServices.run("stop", "mlflow");
        try {
            Http.Reply predict = http().postJson("/api/v1/predict", analyst, Flights.unique());
            Http.Reply reload = http().postJson("/api/v1/models/reload", admin, "");

            assertThat(predict.status()).isEqualTo(200);
            assertThat(predict.json().get("model").get("version").asString()).isEqualTo(serving);
            assertThat(reload.status()).isEqualTo(503);
            assertThat(reload.json().get("outcome").asString()).isEqualTo("registry_unavailable");
            assertThat(reload.json().get("servingVersion").asString()).isEqualTo(serving);
            assertThat(management().get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            LocalServices.run("start", "mlflow");
        }
        Http.Reply afterwards = http().postJson("/api/v1/models/reload", admin, "");
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
        assertThat(afterwards.json().get("model").get("version").asString()).isEqualTo(serving);
    }

    private String currentVersion() {
        return http().get("/api/v1/models/current", analyst)
                .json()
                .get("version")
                .asString();
    }

    /** A version of a run that uploaded nothing: what a training that died mid-upload would leave registered. */
    private static String registerVersionWithoutArtifacts() throws IOException, InterruptedException {
        JsonNode experiment = mlflow("GET", "/api/2.0/mlflow/experiments/get-by-name?experiment_name=api-tests", null);
        JsonNode run = mlflow(
                        "POST",
                        "/api/2.0/mlflow/runs/create",
                        "{\"experiment_id\":\""
                                + experiment
                                        .get("experiment")
                                        .get("experiment_id")
                                        .asString() + "\"}")
                .get("run");
        return mlflow(
                        "POST",
                        "/api/2.0/mlflow/model-versions/create",
                        "{\"name\":\"" + RegisteredModelExtension.modelName()
                                + "\",\"source\":\""
                                + run.get("info").get("artifact_uri").asString() + "\",\"run_id\":\""
                                + run.get("info").get("run_id").asString() + "\"}")
                .get("model_version")
                .get("version")
                .asString();
    }

    private static JsonNode mlflow(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(RealServices.get().mlflowUri() + path))
                .header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private double gauge(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$")
                .matcher(management().get("/actuator/prometheus").body());
        assertThat(matcher.find()).as(name).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
