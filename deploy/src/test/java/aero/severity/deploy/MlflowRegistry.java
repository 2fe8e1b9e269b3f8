package aero.severity.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of MLflow's REST API to set up registered models for the rollback test: a run, model
 * versions from it, aliases. Talks to the real tracking server of scripts/services.sh.
 */
record MlflowRegistry(String uri) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Creates the model, an experiment and a run of the same name, and {@code versions} versions from the run. */
    String createRegisteredModelWithVersions(String name, int versions) {
        post("/api/2.0/mlflow/registered-models/create", "{\"name\":\"" + name + "\"}");
        String experiment = field(
                post("/api/2.0/mlflow/experiments/create", "{\"name\":\"" + name + "-experiment\"}"), "experiment_id");
        String run = post("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"" + experiment + "\"}");
        String runId = field(run, "run_id");
        String artifacts = field(run, "artifact_uri");
        for (int i = 0; i < versions; i++) {
            post(
                    "/api/2.0/mlflow/model-versions/create",
                    "{\"name\":\"" + name + "\",\"source\":\"" + artifacts + "/model\",\"run_id\":\"" + runId + "\"}");
        }
        return runId;
    }

    void setAlias(String name, String alias, int version) {
        post(
                "/api/2.0/mlflow/registered-models/alias",
                "{\"name\":\"" + name + "\",\"alias\":\"" + alias + "\",\"version\":\"" + version + "\"}");
    }

    /** The version an alias points at, or null. */
    String alias(String name, String alias) {
        String model =
                get("/api/2.0/mlflow/registered-models/get?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        Matcher matcher = Pattern.compile("\\{\\s*\"alias\"\\s*:\\s*\"" + Pattern.quote(alias)
                        + "\"\\s*,\\s*\"version\"\\s*:\\s*\"(\\d+)\"")
                .matcher(model);
        return matcher.find() ? matcher.group(1) : null;
    }

    String registeredModel(String name) {
        return get("/api/2.0/mlflow/registered-models/get?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /** Deletes the model and the experiment made for it: the shared server keeps no litter. */
    void delete(String name) {
        send(HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/registered-models/delete"))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .build());
        String experiment = field(
                get("/api/2.0/mlflow/experiments/get-by-name?experiment_name="
                        + URLEncoder.encode(name + "-experiment", StandardCharsets.UTF_8)),
                "experiment_id");
        post("/api/2.0/mlflow/experiments/delete", "{\"experiment_id\":\"" + experiment + "\"}");
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(uri + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(uri + path)).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.method() + " " + request.uri() + " -> " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("MLflow at " + request.uri() + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher =
                Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
