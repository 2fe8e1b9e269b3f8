package aero.severity.api.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.LocalServices;
import aero.severity.api.support.MonitoringStack;
import aero.severity.api.support.RealModels;
import aero.severity.api.support.RegisteredModelExtension;
import aero.severity.api.support.RegisteredModelExtension.WithoutChampion;
import aero.severity.api.support.WebhookReceiver;
import aero.severity.api.support.WebhookReceiver.Notification;
import aero.severity.ml.serving.ModelRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alert rules and routing, run by the real programs: a real Prometheus scrapes this api
 * (real PostgreSQL, Redis and MLflow) under a small steady load, evaluates the rules of
 * {@code prometheus/rules/} and sends to a real Alertmanager running {@code alertmanager/alertmanager.yml},
 * which notifies a webhook listener standing in for PagerDuty and Slack. Real faults, one after the
 * other: no model to serve (and so a burst of 503s) with Redis stopped, then PostgreSQL stopped. Each alert must
 * go firing in Prometheus, arrive at the receiver of its severity with its labels and runbook link,
 * and arrive resolved after the recovery. Only the timings are shortened ({@link MonitoringStack}).
 */
@WithoutChampion
@TestPropertySource(
        properties = {
            "severity.model.poll-interval=500ms",
            "severity.database-check.interval=1s",
            "severity.redis.retry-interval=300ms"
        })
class AlertsEndToEndIT extends FullStackTest {

    private static final String RUNBOOK = "https://github.com/severity-platform/severity/blob/main/docs/RUNBOOK.md#";
    private static final List<String> CAUSED =
            List.of("NoModelLoaded", "HighErrorRate", "RateLimitFallbackActive", "DatabaseDown");
    private static final Duration TO_FIRE = Duration.ofSeconds(60);
    private static final Duration TO_RESOLVE = Duration.ofSeconds(90);
    /** RateLimitFallbackActive counts fallbacks over 2 minutes: it resolves 2 minutes after Redis is back. */
    private static final Duration TO_RESOLVE_A_TWO_MINUTE_WINDOW = Duration.ofSeconds(200);

    @AfterAll
    static void servicesRunAgain() {
        LocalServices.run("start", "postgres");
        LocalServices.run("start", "redis");
    }

    @Test
    void eachFaultFiresItsAlertWhichReachesTheReceiverOfItsSeverityAndResolvesAfterTheRecovery(@TempDir Path dir)
            throws InterruptedException {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        try (WebhookReceiver receiver = WebhookReceiver.start();
                MonitoringStack stack = MonitoringStack.start(dir, managementPort, receiver);
                SteadyLoad load = new SteadyLoad(http(), analyst)) {

            // no champion yet and Redis stopped: NoModelLoaded, a burst of 503s (every prediction), and
            // rate limits decided locally; all three at once, so that the two-minute window of the
            // fallback alert drains while the rest of the test runs
            LocalServices.run("stop", "redis");
            try {
                load.perSecond(2);
                awaitFiring(stack, "NoModelLoaded");
                assertArrived(
                        awaitNotification(receiver, "/pager", "NoModelLoaded", "firing"), "NoModelLoaded", "critical");
                awaitFiring(stack, "HighErrorRate");
                assertArrived(
                        awaitNotification(receiver, "/pager", "HighErrorRate", "firing"), "HighErrorRate", "critical");
                awaitFiring(stack, "RateLimitFallbackActive");
                assertArrived(
                        awaitNotification(receiver, "/chat", "RateLimitFallbackActive", "firing"),
                        "RateLimitFallbackActive",
                        "warning");
            } finally {
                LocalServices.run("start", "redis");
            }

            RealModels.register(RegisteredModelExtension.registry(), RealModels.champion(), ModelRegistry.CHAMPION);
            load.perSecond(50); // the 5-minute error share falls under 5 % within seconds
            awaitNotification(receiver, "/pager", "NoModelLoaded", "resolved");
            awaitNotification(receiver, "/pager", "HighErrorRate", "resolved");
            assertThat(load.count(200))
                    .as("predictions answer once the champion is loaded")
                    .isPositive();

            LocalServices.run("stop", "postgres");
            try {
                awaitFiring(stack, "DatabaseDown");
                assertArrived(
                        awaitNotification(receiver, "/pager", "DatabaseDown", "firing"), "DatabaseDown", "critical");
            } finally {
                LocalServices.run("start", "postgres");
            }
            awaitNotification(receiver, "/pager", "DatabaseDown", "resolved");

            awaitNotification(receiver, "/chat", "RateLimitFallbackActive", "resolved", TO_RESOLVE_A_TWO_MINUTE_WINDOW);
            assertThat(stack.prometheusAlerts())
                    .as("no alert of a fault fires once every fault is gone")
                    .noneMatch(alert ->
                            CAUSED.contains(alert.get("labels").get("alertname").asString()));
            assertThat(receiver.received())
                    .as("warnings never page")
                    .noneMatch(n -> n.path().equals("/pager") && n.text().contains("RateLimitFallbackActive"));
            assertThat(load.count(500)).as("no request ever failed with 500").isZero();
        }
    }

    @Test
    void theOverlayChangesOnlyTheForDurationsOfTheShippedRules() throws Exception {
        String shipped = Files.readString(LocalServices.projectRoot().resolve("prometheus/rules/severity-alerts.yml"));

        String overlay = MonitoringStack.rulesOverlay(shipped);

        List<String> shippedLines = shipped.lines().toList();
        List<String> overlayLines = overlay.lines().toList();
        assertThat(overlayLines).hasSameSizeAs(shippedLines);
        long changed = 0;
        for (int i = 0; i < shippedLines.size(); i++) {
            if (!shippedLines.get(i).equals(overlayLines.get(i))) {
                changed++;
                assertThat(shippedLines.get(i).strip()).startsWith("for: ");
                assertThat(overlayLines.get(i).strip()).isEqualTo("for: " + MonitoringStack.FOR);
            }
        }
        assertThat(changed)
                .as("every alert has a for:")
                .isEqualTo(shipped.lines()
                        .filter(l -> l.strip().startsWith("- alert:"))
                        .count());
    }

    private static void awaitFiring(MonitoringStack stack, String alert) {
        await(
                TO_FIRE,
                () -> stack.prometheusAlerts().stream()
                        .anyMatch(
                                a -> a.get("labels").get("alertname").asString().equals(alert)
                                        && a.get("state").asString().equals("firing")),
                alert + " firing in Prometheus");
    }

    private static Notification awaitNotification(WebhookReceiver receiver, String path, String alert, String status) {
        return awaitNotification(receiver, path, alert, status, status.equals("firing") ? TO_FIRE : TO_RESOLVE);
    }

    private static Notification awaitNotification(
            WebhookReceiver receiver, String path, String alert, String status, Duration timeout) {
        await(
                timeout,
                () -> find(receiver, path, alert, status).isPresent(),
                status + " " + alert + " at " + path + " (received so far: " + receiver.received() + ")");
        return find(receiver, path, alert, status).orElseThrow();
    }

    private static Optional<Notification> find(WebhookReceiver receiver, String path, String alert, String status) {
        String titleStart = "[" + status.toUpperCase();
        return receiver.received().stream()
                .filter(n -> n.path().equals(path))
                .filter(n -> title(n).startsWith(titleStart) && title(n).contains("] " + alert + " ("))
                .findFirst();
    }

    private static String title(Notification notification) {
        JsonNode body = notification.body();
        return notification.path().equals("/pager")
                ? body.get("payload").get("summary").asString()
                : body.get("attachments").get(0).get("title").asString();
    }

    /** What a person on the other end gets: the route's own fields, the labels and the runbook link. */
    private static void assertArrived(Notification notification, String alert, String severity) {
        JsonNode body = notification.body();
        String runbook = RUNBOOK + alert.toLowerCase();
        String text;
        if (notification.path().equals("/pager")) {
            assertThat(body.get("routing_key").asString())
                    .as("the key from the secret file")
                    .isEqualTo("test-routing-key");
            assertThat(body.get("event_action").asString()).isEqualTo("trigger");
            assertThat(body.get("payload").get("severity").asString()).isEqualTo(severity);
            assertThat(body.get("links").get(0).get("href").asString()).isEqualTo(runbook);
            text = body.get("payload").get("custom_details").get("alerts").asString();
        } else {
            assertThat(body.get("channel").asString()).isEqualTo("#severity-alerts");
            assertThat(body.get("attachments").get(0).get("title_link").asString())
                    .isEqualTo(runbook);
            text = body.get("attachments").get(0).get("text").asString();
        }
        assertThat(text)
                .contains("runbook: " + runbook)
                .contains("alertname=" + alert)
                .contains("severity=" + severity);
    }

    /** Predictions at a steady rate from one client, on a thread of its own; counts the statuses. */
    private static final class SteadyLoad implements AutoCloseable {

        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile int perSecond;
        private volatile boolean running = true;

        SteadyLoad(Http http, String token) {
            thread = new Thread(
                    () -> {
                        String flight = Flights.json();
                        while (running) {
                            int rate = perSecond;
                            if (rate > 0) {
                                int status;
                                try {
                                    status = http.postJson("/api/v1/predict", token, flight)
                                            .status();
                                } catch (RuntimeException e) {
                                    status = -1;
                                }
                                statuses.computeIfAbsent(status, s -> new AtomicLong())
                                        .incrementAndGet();
                            }
                            try {
                                Thread.sleep(rate > 0 ? 1000 / rate : 100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "steady-load");
            thread.setDaemon(true);
            thread.start();
        }

        void perSecond(int rate) {
            perSecond = rate;
        }

        long count(int status) {
            AtomicLong n = statuses.get(status);
            return n == null ? 0 : n.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
