package aero.severity.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus scraping the api's management port with the repository's alert rules, and a
 * real Alertmanager routing with the repository's {@code alertmanager/alertmanager.yml}, both child
 * processes of the test on free loopback ports (binaries from {@code .tools/bin}, which
 * {@code scripts/tools.sh} fills from Debian's packages, else from PATH).
 *
 * <p>The test overlay, and nothing else: every rule's {@code for:} becomes {@link #FOR} and
 * Prometheus scrapes and evaluates every second (the expressions, labels and annotations are the
 * shipped ones); Alertmanager's {@code group_wait} and {@code group_interval} become one and two
 * seconds, its secret files hold the receiver's URL and a test routing key, and the global
 * {@code pagerduty_url} points at the same receiver (the routing tree, receivers, templates and
 * inhibitions are the shipped ones).
 */
public final class MonitoringStack implements AutoCloseable {

    /** What every rule's {@code for:} becomes in the overlay. */
    public static final String FOR = "3s";

    private static final Pattern FOR_LINE = Pattern.compile("(?m)^(\\s+)for: \\S+$");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private int prometheusPort;
    private int alertmanagerPort;

    private MonitoringStack(Path dir) {
        this.dir = dir;
    }

    /** Starts Alertmanager, then Prometheus scraping {@code 127.0.0.1:managementPort} as job {@code severity-api}. */
    public static MonitoringStack start(Path dir, int managementPort, WebhookReceiver receiver) {
        return start(dir, managementPort, receiver, Map.of());
    }

    /** The same, with more scrape jobs: job name to {@code host:port} (the exporters, with prometheus.yml's job names). */
    public static MonitoringStack start(
            Path dir, int managementPort, WebhookReceiver receiver, Map<String, String> moreJobs) {
        MonitoringStack stack = new MonitoringStack(dir);
        try {
            stack.startAlertmanager(receiver);
            stack.startPrometheus(managementPort, moreJobs);
            return stack;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** The shipped rules with every {@code for:} shortened to {@link #FOR}; nothing else changes. */
    public static String rulesOverlay(String shippedRules) {
        return FOR_LINE.matcher(shippedRules).replaceAll("$1for: " + FOR);
    }

    private void startAlertmanager(WebhookReceiver receiver) throws IOException {
        Path root = LocalServices.projectRoot();
        Path config = dir.resolve("alertmanager");
        Path secrets = config.resolve("secrets");
        Files.createDirectories(secrets);
        Files.createDirectories(config.resolve("templates"));
        try (Stream<Path> templates = Files.list(root.resolve("alertmanager/templates"))) {
            for (Path template : templates.toList()) {
                Files.copy(template, config.resolve("templates").resolve(template.getFileName()));
            }
        }
        Files.writeString(secrets.resolve("pagerduty-routing-key"), "test-routing-key\n");
        Files.writeString(secrets.resolve("slack-webhook-url"), receiver.url("/chat") + "\n");
        String shipped = Files.readString(root.resolve("alertmanager/alertmanager.yml"));
        String overlay = shipped.replace("/etc/alertmanager/secrets/severity-alerting/", secrets + "/")
                .replaceFirst("(?m)^global:\\n", "global:\n  pagerduty_url: " + receiver.url("/pager") + "\n")
                .replaceFirst("(?m)^  group_wait: \\S+$", "  group_wait: 1s")
                .replaceFirst("(?m)^  group_interval: \\S+$", "  group_interval: 2s");
        Files.writeString(config.resolve("alertmanager.yml"), overlay);
        alertmanagerPort = freePort();
        launch(
                "alertmanager",
                config.resolve("alertmanager.log"),
                "--config.file=" + config.resolve("alertmanager.yml"),
                "--storage.path=" + config.resolve("data"),
                "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=");
        awaitReady("Alertmanager", alertmanagerPort, config.resolve("alertmanager.log"));
    }

    private void startPrometheus(int managementPort, Map<String, String> moreJobs) throws IOException {
        Path root = LocalServices.projectRoot();
        Path config = dir.resolve("prometheus");
        Files.createDirectories(config);
        Files.writeString(
                config.resolve("severity-alerts.yml"),
                rulesOverlay(Files.readString(root.resolve("prometheus/rules/severity-alerts.yml"))));
        Files.writeString(
                config.resolve("prometheus.yml"),
                """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [severity-alerts.yml]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["127.0.0.1:%d"]
                scrape_configs:
                  - job_name: severity-api
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(alertmanagerPort, managementPort)
                        + moreJobs.entrySet().stream()
                                .map(job -> """
                  - job_name: %s
                    static_configs:
                      - targets: ["%s"]
                """.formatted(job.getKey(), job.getValue()))
                                .collect(Collectors.joining()));
        prometheusPort = freePort();
        launch(
                "prometheus",
                config.resolve("prometheus.log"),
                "--config.file=" + config.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + config.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--rules.alert.resend-delay=1s");
        awaitReady("Prometheus", prometheusPort, config.resolve("prometheus.log"));
    }

    /** The result of an instant PromQL query (Prometheus' {@code data.result} array). */
    public JsonNode query(String promql) {
        Http.Reply reply = prometheus().get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (reply.status() != 200) {
            throw new AssertionError("query " + promql + ": " + reply);
        }
        return reply.json().get("data").get("result");
    }

    /** The result of a range query over the last {@code seconds}, one point every {@code step} seconds. */
    public JsonNode queryRange(String promql, long seconds, long step) {
        long end = System.currentTimeMillis() / 1000;
        Http.Reply reply = prometheus()
                .get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start="
                        + (end - seconds) + "&end=" + end + "&step=" + step);
        if (reply.status() != 200) {
            throw new AssertionError("range query " + promql + ": " + reply);
        }
        return reply.json().get("data").get("result");
    }

    /** The alerts Prometheus holds now (pending and firing), each with labels, annotations and state. */
    public List<JsonNode> prometheusAlerts() {
        List<JsonNode> alerts = new ArrayList<>();
        prometheus().get("/api/v1/alerts").json().get("data").get("alerts").forEach(alerts::add);
        return alerts;
    }

    /** The alerts Alertmanager holds now, with their {@code status.inhibitedBy}. */
    public List<JsonNode> alertmanagerAlerts() {
        List<JsonNode> alerts = new ArrayList<>();
        new Http("http://127.0.0.1:" + alertmanagerPort)
                .get("/api/v2/alerts")
                .json()
                .forEach(alerts::add);
        return alerts;
    }

    public Http prometheus() {
        return new Http("http://127.0.0.1:" + prometheusPort);
    }

    private void launch(String binary, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable(binary).toString());
        command.addAll(List.of(args));
        processes.add(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
    }

    private void awaitReady(String name, int port, Path log) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Http http = new Http("http://127.0.0.1:" + port);
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/-/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                break;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(name + " did not get ready on 127.0.0.1:" + port + "; its log:\n" + tail(log));
    }

    private static Path executable(String name) {
        Path tools = LocalServices.projectRoot().resolve(".tools/bin").resolve(name);
        if (Files.isExecutable(tools)) {
            return tools;
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                name + " is not installed (looked in .tools/bin and on PATH): run scripts/tools.sh,"
                        + " which links Debian's prometheus and prometheus-alertmanager into .tools/bin (scripts/test.sh does it)");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
