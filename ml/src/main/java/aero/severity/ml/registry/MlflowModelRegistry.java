package aero.severity.ml.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MLflow tracking server as the registry: experiment {@code accident-severity} holds a run per
 * training (params, metrics, tags through mlflow-client), the model's files are uploaded to the
 * run's artifacts through the server's artifact REST API (mlflow-client's own upload shells out to
 * Python), and registered model {@code accident-severity} gets a version per training with the
 * aliases {@code challenger} and {@code champion}.
 *
 * <p>mlflow-client's typed calls are used where it has them (experiments, runs, reading a version
 * and its tags). REST (JDK HTTP client) is used for what it lacks: aliases, creating registered
 * models and versions, version tags, artifacts. And for the two reads the api makes while it
 * serves ({@link #findByAlias}, {@link #loadBundle}): mlflow-client's HTTP client has no timeouts,
 * so a hung server would hang the model poller; these calls time out after the configured timeout.
 */
public final class MlflowModelRegistry implements ModelStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ARTIFACT_SCHEME = "mlflow-artifacts:/";
    /** MLflow refuses longer parameter values. */
    private static final int MAX_PARAM_LENGTH = 6000;

    private final URI server;
    private final String modelName;
    private final String experimentName;
    private final Duration timeout;
    private final HttpClient http;

    public MlflowModelRegistry(URI server, String modelName, String experimentName, Duration timeout) {
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.modelName = modelName;
        this.experimentName = experimentName;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String describe() {
        return "MLflow at " + server;
    }

    @Override
    public Optional<ModelId> findByAlias(String alias) {
        Response response = send(
                get("/api/2.0/mlflow/registered-models/alias?name=" + encode(modelName) + "&alias=" + encode(alias)));
        if (response.status() == 404
                || (response.status() == 400 && "INVALID_PARAMETER_VALUE".equals(response.errorCode()))) {
            // 404: the registered model does not exist yet; 400 INVALID_PARAMETER_VALUE: it has no such alias
            return Optional.empty();
        }
        JsonNode version = response.require("read alias " + alias).get("model_version");
        return Optional.of(new ModelId(modelName, version.get("version").asString(), runIdOf(version)));
    }

    @Override
    public ModelId register(ModelBundle bundle, RunRecord run) {
        MlflowClient client = new MlflowClient(server.toString());
        try {
            String experimentId = experimentId(client).orElseGet(() -> client.createExperiment(experimentName));
            RunInfo info = client.createRun(experimentId);
            String runId = info.getRunId();
            try {
                logBatch(client, runId, run);
                String artifactRoot = artifactRoot(info.getArtifactUri());
                for (Map.Entry<String, byte[]> file : bundle.toFiles().entrySet()) {
                    upload(artifactRoot, file.getKey(), file.getValue());
                }
            } catch (RuntimeException e) {
                // the run stays visible as FAILED, and no version points at its incomplete artifacts
                client.setTerminated(runId, RunStatus.FAILED);
                throw e;
            }
            client.setTerminated(runId, RunStatus.FINISHED);

            Response created = send(post("/api/2.0/mlflow/registered-models/create", Map.of("name", modelName)));
            if (created.status() != 200 && !"RESOURCE_ALREADY_EXISTS".equals(created.errorCode())) {
                created.require("create registered model " + modelName);
            }
            JsonNode version = send(post(
                            "/api/2.0/mlflow/model-versions/create",
                            Map.of(
                                    "name",
                                    modelName,
                                    "source",
                                    info.getArtifactUri(),
                                    "run_id",
                                    runId,
                                    "description",
                                    bundle.metadata().algorithm() + " trained to "
                                            + bundle.metadata().trainUntilYear())))
                    .require("create a version of " + modelName)
                    .get("model_version");
            return new ModelId(modelName, version.get("version").asString(), runId);
        } finally {
            client.close();
        }
    }

    /** A parent run with the files and a child run per part, nested in the MLflow UI by the {@code mlflow.parentRunId} tag. */
    @Override
    public String logRuns(RunRecord parent, List<RunRecord> children, Map<String, byte[]> files) {
        MlflowClient client = new MlflowClient(server.toString());
        try {
            String experimentId = experimentId(client).orElseGet(() -> client.createExperiment(experimentName));
            RunInfo info = client.createRun(experimentId);
            String parentId = info.getRunId();
            try {
                logBatch(client, parentId, parent);
                String artifactRoot = artifactRoot(info.getArtifactUri());
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    upload(artifactRoot, file.getKey(), file.getValue());
                }
                for (RunRecord child : children) {
                    String childId = client.createRun(experimentId).getRunId();
                    Map<String, String> tags = new LinkedHashMap<>(child.tags());
                    tags.put("mlflow.parentRunId", parentId);
                    logBatch(client, childId, new RunRecord(child.params(), child.metrics(), tags));
                    client.setTerminated(childId, RunStatus.FINISHED);
                }
            } catch (RuntimeException e) {
                client.setTerminated(parentId, RunStatus.FAILED);
                throw e;
            }
            client.setTerminated(parentId, RunStatus.FINISHED);
            return parentId;
        } finally {
            client.close();
        }
    }

    /**
     * By search, not {@code getExperimentByName}: mlflow-client 2.17 retries every non-429 error
     * (a 404 too) with a "Rate limit exceeded" warning each time, and "not there yet" is normal here.
     */
    private Optional<String> experimentId(MlflowClient client) {
        return client.searchExperiments("name = '" + experimentName.replace("'", "\\'") + "'").getItems().stream()
                .filter(experiment -> experiment.getName().equals(experimentName))
                .map(Experiment::getExperimentId)
                .findFirst();
    }

    @Override
    public void setAlias(String alias, ModelId id) {
        send(post(
                        "/api/2.0/mlflow/registered-models/alias",
                        Map.of("name", modelName, "alias", alias, "version", id.version())))
                .require("set alias " + alias + " to version " + id.version());
    }

    @Override
    public ModelBundle loadBundle(ModelId id) {
        JsonNode version = send(get("/api/2.0/mlflow/model-versions/get?name=" + encode(id.name()) + "&version="
                        + encode(id.version())))
                .require("read version " + id.version() + " of " + id.name())
                .get("model_version");
        String root = artifactRoot(version.get("source").asString());
        return ModelBundle.fromFiles(name -> download(root, name), describe() + " " + id.name() + " v" + id.version());
    }

    @Override
    public void recordDecision(ModelId id, PromotionDecision decision) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("promotion.decision", decision.outcome());
        tags.put("promotion.reason", decision.reason());
        tags.put(
                "promotion.compared_with",
                decision.champion() == null
                        ? "none"
                        : "version " + decision.champion().version());
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (decision.challengerReport() != null) {
            metrics.put("gate.challenger.macro_f1", decision.challengerReport().macroF1());
            metrics.put("gate.challenger.ece", decision.challengerReport().ece());
        }
        if (decision.championReport() != null) {
            metrics.put("gate.champion.macro_f1", decision.championReport().macroF1());
            metrics.put("gate.champion.ece", decision.championReport().ece());
        }
        if (decision.horizon() != null) {
            tags.put("promotion.recent_horizon", decision.horizon());
        }
        if (decision.challengerHorizonReport() != null) {
            metrics.put(
                    "gate.challenger.recent.brier",
                    decision.challengerHorizonReport().brier());
            metrics.put(
                    "gate.challenger.recent.ece",
                    decision.challengerHorizonReport().ece());
        }
        if (decision.championHorizonReport() != null) {
            metrics.put(
                    "gate.champion.recent.brier",
                    decision.championHorizonReport().brier());
            metrics.put(
                    "gate.champion.recent.ece", decision.championHorizonReport().ece());
        }
        if (id.runId() != null) {
            MlflowClient client = new MlflowClient(server.toString());
            try {
                logBatch(client, id.runId(), new RunRecord(Map.of(), metrics, tags));
            } finally {
                client.close();
            }
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            send(post(
                            "/api/2.0/mlflow/model-versions/set-tag",
                            Map.of(
                                    "name",
                                    id.name(),
                                    "version",
                                    id.version(),
                                    "key",
                                    tag.getKey(),
                                    "value",
                                    tag.getValue())))
                    .require("tag version " + id.version());
        }
    }

    /** The tags a version carries (e.g. the gate's decision). */
    public Map<String, String> versionTags(ModelId id) {
        MlflowClient client = new MlflowClient(server.toString());
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            for (ModelVersionTag tag :
                    client.getModelVersion(id.name(), id.version()).getTagsList()) {
                tags.put(tag.getKey(), tag.getValue());
            }
            return tags;
        } catch (MlflowClientException e) {
            throw new ModelLoadException(
                    "read version " + id.version() + " of " + id.name() + " at " + describe() + " failed: "
                            + e.getMessage(),
                    e);
        } finally {
            client.close();
        }
    }

    private static void logBatch(MlflowClient client, String runId, RunRecord run) {
        long now = System.currentTimeMillis();
        List<Param> params = new ArrayList<>();
        run.params()
                .forEach((key, value) -> params.add(Param.newBuilder()
                        .setKey(key)
                        .setValue(value.length() > MAX_PARAM_LENGTH ? value.substring(0, MAX_PARAM_LENGTH) : value)
                        .build()));
        List<Metric> metrics = new ArrayList<>();
        run.metrics().forEach((key, value) -> {
            if (Double.isFinite(value)) {
                metrics.add(Metric.newBuilder()
                        .setKey(key)
                        .setValue(value)
                        .setTimestamp(now)
                        .setStep(0)
                        .build());
            }
        });
        List<RunTag> tags = new ArrayList<>();
        run.tags()
                .forEach((key, value) ->
                        tags.add(RunTag.newBuilder().setKey(key).setValue(value).build()));
        // MLflow takes at most 100 params and 1000 items per batch
        for (int from = 0; from < Math.max(Math.max(params.size(), metrics.size()), tags.size()); from += 100) {
            client.logBatch(runId, slice(metrics, from), slice(params, from), slice(tags, from));
        }
    }

    private static <T> List<T> slice(List<T> list, int from) {
        return from >= list.size() ? List.of() : list.subList(from, Math.min(list.size(), from + 100));
    }

    /** "mlflow-artifacts:/1/abc/artifacts" -> "1/abc/artifacts", the path under the artifact REST API. */
    private String artifactRoot(String artifactUri) {
        if (!artifactUri.startsWith(ARTIFACT_SCHEME)) {
            throw new ModelLoadException("artifact location " + artifactUri + " is not served by the tracking server "
                    + server + " (start it with --serve-artifacts)");
        }
        String path = artifactUri.substring(ARTIFACT_SCHEME.length());
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }

    private void upload(String root, String name, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(artifactUri(root, name))
                .timeout(timeout.multipliedBy(10))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        send(request).require("upload artifact " + name);
    }

    private byte @Nullable [] download(String root, String name) {
        HttpRequest request = HttpRequest.newBuilder(artifactUri(root, name))
                .timeout(timeout.multipliedBy(10))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new ModelLoadException(
                        "downloading " + name + " from " + describe() + " failed: HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException("interrupted while downloading " + name, e);
        }
    }

    private URI artifactUri(String root, String name) {
        return URI.create(server + "/api/2.0/mlflow-artifacts/artifacts/" + root + "/" + name);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(server + path))
                .timeout(timeout)
                .GET()
                .build();
    }

    private HttpRequest post(String path, Map<String, ?> body) {
        return HttpRequest.newBuilder(URI.create(server + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
    }

    private record Response(int status, String body, String what) {

        @Nullable
        String errorCode() {
            try {
                JsonNode code = JSON.readTree(body).get("error_code");
                return code == null ? null : code.asString();
            } catch (RuntimeException e) {
                return null;
            }
        }

        JsonNode require(String action) {
            if (status != 200) {
                throw new ModelLoadException(action + " failed at " + what + ": HTTP " + status + " " + body);
            }
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), describe());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException("interrupted while calling " + describe(), e);
        }
    }

    private ModelLoadException unreachable(IOException e) {
        String why = e instanceof HttpTimeoutException
                ? "timed out after " + timeout
                : e instanceof ConnectException ? "connection refused" : e.toString();
        return new ModelLoadException(describe() + " is unreachable (" + why + ")", e);
    }

    private static @Nullable String runIdOf(JsonNode version) {
        JsonNode run = version.get("run_id");
        return run == null || run.asString().isBlank() ? null : run.asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
