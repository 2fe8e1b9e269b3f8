package aero.severity.api.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * With {@code SEVERITY_FEATURE_SHADOW_CHALLENGER=true}, the registry's {@code challenger} also scores
 * every computed prediction, on its own thread and with its own encoder, so that its agreement with
 * the champion on live traffic is known before it is promoted. Its answers are counted in
 * {@code severity_shadow_predictions_total{outcome=agree|disagree|dropped|failed}} and never returned;
 * when it falls behind, work is dropped rather than queued without bound.
 */
@Component
public class ShadowChallenger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowChallenger.class);
    static final String CHALLENGER = "challenger";

    private final boolean enabled;
    private final ModelRegistry registry;
    private final Counter agree;
    private final Counter disagree;
    private final Counter dropped;
    private final Counter failed;
    private final ThreadPoolExecutor worker;
    private volatile @Nullable SeverityModel challenger;

    ShadowChallenger(
            @Value("${severity.predict.shadow-challenger:false}") boolean enabled,
            ModelRegistry registry,
            MeterRegistry meters) {
        this.enabled = enabled;
        this.registry = registry;
        this.agree = counter(meters, "agree");
        this.disagree = counter(meters, "disagree");
        this.dropped = counter(meters, "dropped");
        this.failed = counter(meters, "failed");
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1_000),
                task -> {
                    Thread thread = new Thread(task, "shadow-challenger");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Called by the champion's poller: follows the challenger alias, keeping the last good one. */
    void refresh() {
        if (!enabled) {
            return;
        }
        try {
            Optional<ModelId> target = registry.findByAlias(CHALLENGER);
            SeverityModel current = challenger;
            if (target.isEmpty()) {
                challenger = null;
            } else if (current == null || !current.id().equals(target.get())) {
                challenger = registry.load(target.get());
                log.info(
                        "Shadow challenger: now {} version {}",
                        target.get().name(),
                        target.get().version());
            }
        } catch (RuntimeException e) {
            log.debug("Shadow challenger not refreshed: {}", e.getMessage());
        }
    }

    /** Scores {@code facts} with the challenger later and compares with what the champion decided. */
    public void compare(FlightFacts facts, Severity championDecision) {
        SeverityModel model = challenger;
        if (!enabled || model == null) {
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    Severity decision =
                            model.decide(model.probabilities(model.encoder().encode(facts)));
                    (Objects.equals(decision, championDecision) ? agree : disagree).increment();
                } catch (RuntimeException e) {
                    failed.increment();
                    log.debug("Shadow challenger failed on a request", e);
                }
            });
        } catch (RejectedExecutionException busy) {
            dropped.increment();
        }
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("severity.shadow.predictions")
                .description("Challenger decisions on live traffic compared with the champion's, never returned")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(meters);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
