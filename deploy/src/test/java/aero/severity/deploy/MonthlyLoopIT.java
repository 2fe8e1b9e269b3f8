package aero.severity.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly loop as production runs it, end to end on the real PostgreSQL, Redis and MLflow: the
 * jars this build packaged, started by the image's entrypoint ({@code deploy/docker/entrypoint.sh
 * retrain}, with {@code SEVERITY_APP_HOME} pointing at them), against a local stand-in for the NTSB's
 * download site, with the api running beside it as its own process.
 *
 * <p>A champion is trained on generated years 1995-2018 (validated on 2019). A first run of the job
 * finds nothing published and trains nothing. Then the "NTSB" publishes two updates whose flights
 * shift to night in instrument conditions and are deadlier than before (the generator's
 * {@code --shift night-imc}), while clients send the api such flights. The second run fetches and
 * imports both, {@code ml monitor} finds calibration and input drift on the new outcomes, the job
 * retrains before its schedule, the gate promotes the new version, and the api serves it. The
 * api's live-model and input-drift gauges, scraped while the job ran, are replayed through the real
 * alert rules with promtool. A third run, with nothing new, trains nothing again.
 */
@ExtendWith(RealServicesExtension.class)
class MonthlyLoopIT {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(8);
    private static final List<Integer> UPDATE_DAYS = List.of(1, 8, 15, 22);

    @TempDir
    Path work;

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private FreshDatabase database;
    private String modelName;
    private MlflowRegistry registry;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void shiftedUpdatesAreFetchedMonitoredAndForceARetrainBeforeTheScheduleWhoseChampionTheApiThenServes(
            RealServices services) throws Exception {
        database = FreshDatabase.create("monthly_loop");
        cleanup.add(database);
        modelName = "monthly-loop-it-" + UUID.randomUUID().toString().substring(0, 8);
        registry = new MlflowRegistry(services.mlflowUri());
        cleanup.add(() -> registry.delete(modelName));
        Map<String, String> env = environment(services);
        LocalNtsb ntsb = new LocalNtsb();
        cleanup.add(ntsb);
        env.put("SEVERITY_INGEST_FETCH_BASEURL", ntsb.baseUrl());

        // ---- a champion trained on the years before: to 2018, validated on 2019
        Path base = work.resolve("base.mdb");
        entrypoint(
                        env,
                        "ingest",
                        "generate",
                        "--events",
                        "20000",
                        "--years",
                        "1995-2019",
                        "--seed",
                        "5",
                        "--out",
                        base.toString())
                .expectSuccess();
        entrypoint(env, "ingest", "import", base.toString()).expectSuccess();
        entrypoint(env, "ml", "train", "--train-until", "2018").expectSuccess();
        assertThat(registry.alias(modelName, "champion")).isEqualTo("1");

        Api api = Api.start(services, env, work);
        cleanup.add(api);
        api.awaitServing("1");

        // ---- run 1: nothing published yet, nothing new, a fresh champion: no retrain
        Step quiet = entrypoint(env, "retrain").expectSuccess();
        assertThat(quiet.output())
                .contains(
                        "not published (HTTP 404): skipped",
                        "retrain: not due: no drift past the thresholds on 0 labelled events")
                .contains("retrain: not due, nothing trained; the champion stays")
                .doesNotContain("registered version");
        assertThat(ntsb.requested())
                .as("the fetch asked for the updates of the last months")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(registry.alias(modelName, "challenger")).as("no version 2").isEqualTo("1");
        api.awaitGauge(
                "severity_model_live_labelled_events",
                null,
                v -> v == 0,
                "the api shows the first monitor run (0 events)");

        // ---- clients send night flights in cloud: the api's own input drift
        api.sendNightImcFlights(300);
        api.awaitGauge("severity_feature_psi", "lightCondition", v -> v > 0.25, "live lightCondition PSI past 0.25");

        // ---- the NTSB publishes two shifted updates; run 2 fetches, monitors, retrains, gates
        List<String> names = latestUpdateNames(LocalDate.now(ZoneOffset.UTC));
        Map<String, String> sha256 = new HashMap<>();
        sha256.put(names.get(0), ntsb.publish(names.get(0), generate(env, names.get(0), "2020", 6)));
        sha256.put(names.get(1), ntsb.publish(names.get(1), generate(env, names.get(1), "2021", 7)));

        CompletableFuture<Step> loop = CompletableFuture.supplyAsync(() -> entrypoint(env, "retrain"));
        Map<String, Double> seen = api.watchWhile(
                loop,
                Map.of(
                        "severity_model_live_ece",
                        "",
                        "severity_model_validation_ece",
                        "",
                        "severity_model_live_labelled_events",
                        "",
                        "severity_feature_psi",
                        "lightCondition"),
                "severity_model_live_labelled_events",
                200);
        Step retrain = loop.get().expectSuccess();
        retrain.output()
                .lines()
                .filter(line -> line.contains("retrain: ") || line.contains("gate: version"))
                .forEach(line -> System.out.println("monthly loop drill: " + line.strip()));

        assertThat(retrain.output())
                .contains(
                        "fetch " + names.get(0),
                        "fetch " + names.get(1),
                        "sha256 " + sha256.get(names.get(0)),
                        "sha256 " + sha256.get(names.get(1)))
                .containsPattern(
                        "retrain: due: calibration drift: live ECE 0\\.\\d{4} > 0\\.04 and > 2\\.0 x validation 0\\.\\d{4}")
                .contains("input drift: PSI of lightCondition", "new data: a batch finished at")
                .doesNotContain("scheduled:")
                .contains("registered version 2", "version 2 is champion");
        try (Connection db = database.connect();
                Statement sql = db.createStatement()) {
            assertThat(
                            rows(
                                    sql,
                                    "SELECT file_name || ' ' || sha256 || ' ' || (batch_id IS NOT NULL) FROM ingest_fetches ORDER BY fetch_id"))
                    .containsExactly(
                            names.get(0) + " " + sha256.get(names.get(0)) + " true",
                            names.get(1) + " " + sha256.get(names.get(1)) + " true");
            assertThat(rows(sql, "SELECT file_name FROM ingest_batches WHERE status = 'DONE' ORDER BY batch_id"))
                    .containsExactly(
                            "base.mdb",
                            names.get(0).replace(".zip", ".mdb"),
                            names.get(1).replace(".zip", ".mdb"));
            int unseen = Integer.parseInt(rows(
                            sql,
                            "SELECT count(*) FROM events WHERE ev_date >= DATE '2020-01-01'"
                                    + " AND trim(ev_highest_injury) IN ('FATL', 'SERS', 'MINR', 'NONE')")
                    .get(0));
            assertThat(
                            rows(
                                    sql,
                                    "SELECT events FROM model_monitoring WHERE period = 'cumulative' AND model_version = '1' ORDER BY run_at"))
                    .as("the monitor rows: none labelled yet, then every event of the two updates")
                    .containsExactly("0", Integer.toString(unseen));
        }
        assertThat(registry.alias(modelName, "champion")).isEqualTo("2");

        // ---- the gauges moved while the job ran, and the alert rules fire on exactly those values
        assertThat(seen.get("severity_model_live_labelled_events")).isGreaterThanOrEqualTo(200);
        assertThat(seen.get("severity_model_live_ece"))
                .isGreaterThan(0.04)
                .isGreaterThan(2 * seen.get("severity_model_validation_ece"));
        assertThat(seen.get("severity_feature_psi")).isGreaterThan(0.25);
        System.out.printf(Locale.ROOT, "monthly loop drill: the api showed %s while the job ran%n", seen);
        ToolRun promtool = replayThroughTheAlertRules(seen);
        assertThat(promtool.exitCode()).as(promtool.describe()).isZero();
        assertThat(promtool.stdout()).contains("SUCCESS");

        // ---- the api picks the new champion up by itself
        api.awaitServing("2");
        assertThat(api.predictNightImcFlight()).contains("\"version\":\"2\"");

        // ---- run 3: nothing new since version 2 was trained: no retrain
        Step after = entrypoint(env, "retrain").expectSuccess();
        assertThat(after.output())
                .contains("unchanged since", "retrain: not due")
                .doesNotContain("registered version 3");
    }

    // ------------------------------------------------------------------------------------------------ the job

    private Map<String, String> environment(RealServices services) throws IOException {
        Path app = work.resolve("app");
        for (String module : List.of("ingest", "ml")) {
            Path jar = Project.root().resolve(module + "/target/" + module + ".jar");
            assertThat(jar)
                    .as(
                            "the %s jar this build packaged (run the build through `verify`, or `./mvnw package` first)",
                            module)
                    .exists();
            Files.createDirectories(app.resolve(module));
            Files.createSymbolicLink(app.resolve(module + "/application.jar"), jar);
        }
        Files.createDirectories(work.resolve("tmp"));
        Map<String, String> env = new HashMap<>();
        env.put("SEVERITY_APP_HOME", app.toString());
        env.put("TMPDIR", work.resolve("tmp").toString());
        env.put("PATH", javaBin() + java.io.File.pathSeparator + System.getenv("PATH"));
        env.put("SEVERITY_DB_URL", database.jdbcUrl());
        env.put("SEVERITY_DB_USER", database.user());
        env.put("SEVERITY_DB_PASSWORD", database.password());
        env.put("SEVERITY_REDIS_URL", services.redisUrl());
        env.put("SEVERITY_MLFLOW_URI", services.mlflowUri());
        env.put("SEVERITY_MODEL_NAME", modelName);
        env.put("SEVERITY_MLFLOW_EXPERIMENT", modelName + "-experiment"); // its runs apart, and deleted with the model
        // one validation year, so that the retrain at 2020 learns from the first shifted year
        env.put("SEVERITY_TRAINING_VALIDATIONYEARS", "1");
        env.put("SEVERITY_TRAINING_TRAINUNTIL", "2020");
        env.put("SEVERITY_RETRAIN_FETCH", "1");
        env.put("SEVERITY_INGEST_FETCH_DOWNLOADDIR", work.resolve("fetch").toString());
        return env;
    }

    private static String javaBin() {
        return Path.of(ProcessHandle.current().info().command().orElseThrow())
                .getParent()
                .toString();
    }

    record Step(String command, int exitCode, String output) {
        Step expectSuccess() {
            assertThat(exitCode)
                    .as("%s exited %d:%n%s", command, exitCode, output)
                    .isZero();
            return this;
        }
    }

    private Step entrypoint(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of("bash", Project.file("deploy/docker/entrypoint.sh").toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    private Step run(List<String> command, Map<String, String> env) {
        try {
            Path log = Files.createTempFile(work, "step", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Project.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + STEP_TIMEOUT + ":\n"
                        + Files.readString(log));
            }
            return new Step(
                    String.join(" ", command.subList(1, command.size())), process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A zipped update as the NTSB publishes it: {@code upDDMON.zip} holding {@code upDDMON.mdb}, shifted flights of one year. */
    private byte[] generate(Map<String, String> env, String zipName, String year, int seed) throws IOException {
        Path mdb = work.resolve(zipName.replace(".zip", ".mdb"));
        entrypoint(
                        env,
                        "ingest",
                        "generate",
                        "--events",
                        "700",
                        "--years",
                        year,
                        "--shift",
                        "night-imc",
                        "--seed",
                        Integer.toString(seed),
                        "--out",
                        mdb.toString())
                .expectSuccess();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(mdb.getFileName().toString()));
            Files.copy(mdb, out);
            out.closeEntry();
        }
        return zip.toByteArray();
    }

    /** The two newest update names on or before today, older first (the fetch plans them from today too). */
    static List<String> latestUpdateNames(LocalDate today) {
        List<String> names = new ArrayList<>();
        for (LocalDate day = today; names.size() < 2; day = day.minusDays(1)) {
            if (UPDATE_DAYS.contains(day.getDayOfMonth())) {
                names.add(
                        0,
                        String.format(
                                Locale.ROOT,
                                "up%02d%s.zip",
                                day.getDayOfMonth(),
                                day.getMonth().name().substring(0, 3)));
            }
        }
        return names;
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ promtool

    /**
     * The scraped values as constant series for 90 minutes, and the alerts that must fire at 75
     * (past their hour's {@code for}), with the annotations the rules render for those values.
     */
    private ToolRun replayThroughTheAlertRules(Map<String, Double> seen) throws IOException {
        Path rules = Project.root().resolve("prometheus/rules/severity-alerts.yml");
        Map<String, Map<String, String>> annotations = annotations(rules);
        double ece = seen.get("severity_model_live_ece");
        double psi = seen.get("severity_feature_psi");
        String test = """
                rule_files:
                  - %s
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'severity_model_live_ece{job="severity-api", instance="api:8081"}'
                        values: '%sx90'
                      - series: 'severity_model_validation_ece{job="severity-api", instance="api:8081"}'
                        values: '%sx90'
                      - series: 'severity_model_live_labelled_events{job="severity-api", instance="api:8081"}'
                        values: '%sx90'
                      - series: 'severity_feature_psi{job="severity-api", instance="api:8081", feature="lightCondition"}'
                        values: '%sx90'
                    alert_rule_test:
                      - eval_time: 75m
                        alertname: ModelCalibrationDrift
                        exp_alerts:
                          - exp_labels: {severity: warning}
                            exp_annotations: %s
                      - eval_time: 75m
                        alertname: FeatureDrift
                        exp_alerts:
                          - exp_labels: {severity: warning, feature: lightCondition}
                            exp_annotations: %s
                """.formatted(
                        rules,
                        ece,
                        seen.get("severity_model_validation_ece"),
                        seen.get("severity_model_live_labelled_events"),
                        psi,
                        flow(render(annotations.get("ModelCalibrationDrift"), ece, null)),
                        flow(render(annotations.get("FeatureDrift"), psi, "lightCondition")));
        Path file = work.resolve("monthly-loop.test.yml");
        Files.writeString(file, test);
        return Tool.PROMTOOL.run(work, Map.of(), List.of("test", "rules", file.toString()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> annotations(Path rules) throws IOException {
        Map<String, Map<String, String>> byAlert = new HashMap<>();
        Map<String, Object> document = new Yaml().load(Files.readString(rules));
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    byAlert.put((String) rule.get("alert"), (Map<String, String>) rule.get("annotations"));
                }
            }
        }
        return byAlert;
    }

    /** The rules' templates for one value: {@code printf `%.Nf` $value} and {@code $labels.feature}, all these two alerts use. */
    private static Map<String, String> render(Map<String, String> templates, double value, String feature) {
        Map<String, String> rendered = new HashMap<>();
        Pattern printf = Pattern.compile("\\{\\{ printf `(%\\.\\d+f)` \\$value }}");
        templates.forEach((key, template) -> {
            Matcher m = printf.matcher(template);
            String text = m.replaceAll(r -> Matcher.quoteReplacement(String.format(Locale.ROOT, r.group(1), value)));
            if (feature != null) {
                text = text.replace("{{ $labels.feature }}", feature);
            }
            assertThat(text).as("every template of %s is rendered", key).doesNotContain("{{");
            rendered.put(key, text);
        });
        return rendered;
    }

    private static String flow(Map<String, String> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((key, value) ->
                entries.add(key + ": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return "{" + String.join(", ", entries) + "}";
    }

    // ------------------------------------------------------------------------------------------------ the NTSB

    /** The NTSB's download site on 127.0.0.1: what is published is served, anything else is 404; every request is kept. */
    private static final class LocalNtsb implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, byte[]> published = new ConcurrentHashMap<>();
        private final List<String> requests = new CopyOnWriteArrayList<>();

        LocalNtsb() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/avdata/", exchange -> {
                String name = exchange.getRequestURI().getPath().substring("/avdata/".length());
                requests.add(name);
                byte[] body = published.get(name);
                try (exchange) {
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    String etag = "\"" + sha256(body).substring(0, 16) + "\"";
                    exchange.getResponseHeaders().add("ETag", etag);
                    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/zip");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/avdata/";
        }

        /** @return the archive's sha256, as the fetch reports and records it */
        String publish(String name, byte[] archive) {
            published.put(name, archive);
            return sha256(archive);
        }

        List<String> requested() {
            return List.copyOf(requests);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the api

    /** The api jar as its own process on free ports, with a client of its own. */
    private static final class Api implements AutoCloseable {

        private static final Pattern SAMPLE =
                Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

        private final Process process;
        private final Path log;
        private final int port;
        private final int managementPort;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private String token;

        private Api(Process process, Path log, int port, int managementPort) {
            this.process = process;
            this.log = log;
            this.port = port;
            this.managementPort = managementPort;
        }

        static Api start(RealServices services, Map<String, String> jobEnv, Path work) throws Exception {
            Path jar = Project.root().resolve("api/target/api.jar");
            assertThat(jar).as("the api jar this build packaged").exists();
            Map<String, String> env = new HashMap<>(jobEnv);
            int port = freePort();
            int managementPort = freePort();
            env.put("SEVERITY_API_PORT", Integer.toString(port));
            env.put("SEVERITY_MANAGEMENT_PORT", Integer.toString(managementPort));
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            env.put("SEVERITY_JWT_SECRET", Base64.getEncoder().encodeToString(key));
            env.put("SEVERITY_ACCESS_LOG_ENABLED", "false");
            String java = Path.of(javaBin(), "java").toString();

            ProcessBuilder client = new ProcessBuilder(
                    java,
                    "-jar",
                    jar.toString(),
                    "clients",
                    "create",
                    "--client-id=monthly-loop",
                    "--role=ANALYST",
                    "--tier=ENTERPRISE",
                    "--name=Monthly loop drill",
                    "--logging.level.root=WARN");
            client.environment().putAll(env);
            Path clientOut = work.resolve("client.out");
            Process created = client.redirectErrorStream(true)
                    .redirectOutput(clientOut.toFile())
                    .start();
            assertThat(created.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String printed = Files.readString(clientOut);
            assertThat(created.exitValue()).as(printed).isZero();
            Matcher secret = Pattern.compile("(?m)^client_secret=(\\S+)$").matcher(printed);
            assertThat(secret.find()).as(printed).isTrue();

            Path log = work.resolve("api.log");
            ProcessBuilder builder = new ProcessBuilder(
                            java,
                            "-jar",
                            jar.toString(),
                            "--severity.model.poll-interval=1s",
                            "--severity.model-health.refresh-interval=1s",
                            "--severity.model-health.input-drift.samples-per-second=1000")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Api api = new Api(builder.start(), log, port, managementPort);
            api.await(Duration.ofMinutes(2), () -> api.scrape() != null, "the api to start");
            api.token = api.token("monthly-loop", secret.group(1));
            return api;
        }

        private String token(String clientId, String secret) throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }

        private String base() {
            return "http://127.0.0.1:" + port;
        }

        void awaitServing(String version) {
            await(
                    Duration.ofMinutes(2),
                    () -> {
                        String metrics = scrape();
                        return metrics != null
                                && Pattern.compile("(?m)^severity_model_info\\{[^}]*version=\"" + version + "\"")
                                        .matcher(metrics)
                                        .find();
                    },
                    "the api to serve version " + version);
        }

        void awaitGauge(String name, String feature, java.util.function.DoublePredicate condition, String what) {
            await(
                    Duration.ofMinutes(1),
                    () -> {
                        Double value = gauge(scrape(), name, feature);
                        return value != null && condition.test(value);
                    },
                    what);
        }

        /**
         * Scrapes every second while {@code job} runs and keeps the first scrape in which {@code until}
         * reached {@code atLeast} (the values of {@code wanted}: metric name to feature label, "" for none).
         */
        Map<String, Double> watchWhile(
                CompletableFuture<?> job, Map<String, String> wanted, String until, double atLeast)
                throws InterruptedException {
            while (!job.isDone()) {
                String metrics = scrape();
                Double trigger = gauge(metrics, until, null);
                if (trigger != null && trigger >= atLeast) {
                    Map<String, Double> values = new HashMap<>();
                    wanted.forEach((name, feature) ->
                            values.put(name, gauge(metrics, name, feature.isEmpty() ? null : feature)));
                    if (!values.containsValue(null) && values.values().stream().noneMatch(v -> v.isNaN())) {
                        return values;
                    }
                }
                Thread.sleep(1_000);
            }
            throw new AssertionError(
                    "the job ended before the api showed " + until + " >= " + atLeast + "; last scrape:\n" + scrape());
        }

        /** One request each: the sampler takes at most one flight per 1/samples-per-second, however many a batch holds. */
        void sendNightImcFlights(int flights) throws Exception {
            for (int i = 0; i < flights; i++) {
                predictNightImcFlight();
            }
        }

        String predictNightImcFlight() throws Exception {
            HttpResponse<String> response = post("/api/v1/predict", nightImcFlight());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        /** A night flight in cloud no other call sent (random pilot hours: its own cache key). */
        private static String nightImcFlight() {
            double hours = 100 + ThreadLocalRandom.current().nextDouble() * 5000;
            return """
                    {"eventDate":"2021-01-14","localHour":23,"latitude":39.8617,"longitude":-104.6731,"state":"CO",
                     "country":"USA","lightCondition":"NITE","weatherCondition":"IMC","windSpeedKts":12,
                     "visibilityMiles":1,"aircraftCategory":"AIR","make":"Cessna","amateurBuilt":false,"engineCount":1,
                     "engineType":"REC","farPart":"091","flightPurpose":"PERS","flightPhase":"CRUISE","pilotAge":48,
                     "pilotCertificate":"PRI","pilotTotalHours":%.1f}""".formatted(hours);
        }

        private HttpResponse<String> post(String path, String json) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The management port's Prometheus text, or null while it does not answer. */
        String scrape() {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? response.body() : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** A sample's value (NaN as NaN), the one with {@code feature="..."} when given; null when absent. */
        static Double gauge(String metrics, String name, String feature) {
            if (metrics == null) {
                return null;
            }
            Matcher m = SAMPLE.matcher(metrics);
            while (m.find()) {
                boolean labelled =
                        feature == null || m.group(2) != null && m.group(2).contains("feature=\"" + feature + "\"");
                if (m.group(1).equals(name) && labelled) {
                    return Double.parseDouble(m.group(3));
                }
            }
            return null;
        }

        private void await(Duration timeout, BooleanSupplier condition, String what) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the api exited while waiting for " + what + ":\n" + tail());
                }
                if (condition.getAsBoolean()) {
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError(
                    "waited " + timeout + " for " + what + "; last scrape:\n" + scrape() + "\napi log:\n" + tail());
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
