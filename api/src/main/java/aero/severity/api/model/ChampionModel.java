package aero.severity.api.model;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import aero.severity.api.BackgroundRefresh;
import aero.severity.api.model.Refresh.Outcome;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The model that serves. Loads the registry's alias (the champion) at start, then polls it; a new
 * version is loaded off the request path and swapped in with one volatile write, so requests in
 * flight finish on the model they started with and none is dropped. When the registry is away or a
 * new version does not load, the last good model keeps serving; a version that failed to load is not
 * retried by the poller until the alias moves again (an admin reload retries it).
 */
@Component
public class ChampionModel extends BackgroundRefresh {

    private static final Logger log = LoggerFactory.getLogger(ChampionModel.class);

    private final ModelRegistry registry;
    private final ModelServingProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer loadTime;
    private final ShadowChallenger shadow;
    private final AtomicLong lastSuccessfulCheck = new AtomicLong();

    private volatile @Nullable LiveModel live;
    /** Guarded by {@code this}: the last version that failed to load. */
    private @Nullable ModelId rejected;

    private @Nullable Gauge infoGauge;
    private @Nullable String lastLogged;

    ChampionModel(
            ModelRegistry registry,
            ModelServingProperties properties,
            Clock clock,
            MeterRegistry meters,
            ShadowChallenger shadow) {
        super("champion-poller", properties.pollInterval(), true);
        this.shadow = shadow;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.loadTime = Timer.builder("severity.model.load")
                .description("Time to fetch and rebuild a model version")
                .register(meters);
        Gauge.builder("severity.model.last.check", lastSuccessfulCheck, AtomicLong::get)
                .description("Epoch seconds of the last successful look at the registry (for staleness alerts)")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("severity.model.loaded", this, model -> model.live == null ? 0 : 1)
                .description("1 when a model is serving")
                .register(meters);
        Gauge.builder("severity.model.created.timestamp", this, ChampionModel::registeredEpochSeconds)
                .description("Epoch seconds when the serving version was registered (NaN when unknown)")
                .baseUnit("seconds")
                .register(meters);
    }

    /** The model serving now; null before the first successful load. */
    public @Nullable LiveModel current() {
        return live;
    }

    public LiveModel require() {
        LiveModel current = live;
        if (current == null) {
            throw new NoModelLoadedException(
                    "no model is loaded yet: the registry has no '" + properties.alias()
                            + "' alias or it could not be loaded; train and register one, or wait for the registry",
                    Math.max(1, properties.pollInterval().toSeconds()));
        }
        return current;
    }

    public Optional<LiveModel> find() {
        return Optional.ofNullable(live);
    }

    /**
     * Looks at the registry once and swaps in the alias' version if it changed.
     *
     * @param retryRejected also retry a version that failed to load before (admin reload)
     */
    public synchronized Refresh refresh(boolean retryRejected) {
        LiveModel current = live;
        ModelId target;
        try {
            target = registry.findByAlias(properties.alias()).orElse(null);
        } catch (RuntimeException e) {
            return record(
                    new Refresh(Outcome.REGISTRY_UNAVAILABLE, current, "registry unavailable: " + e.getMessage()), e);
        }
        lastSuccessfulCheck.set(clock.instant().getEpochSecond());
        if (target == null) {
            return record(
                    new Refresh(
                            Outcome.NO_CHAMPION,
                            current,
                            "the registry has no '" + properties.alias() + "' alias"
                                    + (current == null ? "" : "; still serving " + describe(current.id()))),
                    null);
        }
        if (current != null && current.id().equals(target)) {
            return record(new Refresh(Outcome.UNCHANGED, current, describe(target) + " is serving"), null);
        }
        if (!retryRejected && target.equals(rejected)) {
            return new Refresh(
                    Outcome.LOAD_FAILED,
                    current,
                    describe(target) + " failed to load before; not retried until"
                            + " the alias moves or an admin reloads");
        }
        SeverityModel loaded;
        try {
            Timer.Sample sample = Timer.start(meters);
            loaded = registry.load(target);
            sample.stop(loadTime);
            if (!Objects.equals(loaded.id().version(), target.version())
                    || !loaded.id().name().equals(target.name())) {
                throw new IllegalStateException(
                        "the registry returned " + describe(loaded.id()) + " for " + describe(target));
            }
        } catch (RuntimeException e) {
            rejected = target;
            return record(
                    new Refresh(
                            Outcome.LOAD_FAILED,
                            current,
                            describe(target) + " could not be loaded (" + e.getMessage() + ")"
                                    + (current == null ? "" : "; still serving " + describe(current.id()))),
                    e);
        }
        LiveModel next = LiveModel.of(loaded, clock.instant());
        live = next;
        rejected = null;
        publishInfo(next);
        return record(
                new Refresh(
                        Outcome.SWAPPED,
                        next,
                        "now serving " + describe(target)
                                + (current == null ? "" : " (was " + describe(current.id()) + ")")),
                null);
    }

    private Refresh record(Refresh refresh, @Nullable Exception cause) {
        Counter.builder("severity.model.refresh")
                .description("Looks at the registry, by outcome")
                .tag("outcome", refresh.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
        // a failure that repeats on every poll is logged once at WARN, then at DEBUG until it changes
        boolean repeated = refresh.message().equals(lastLogged);
        lastLogged = refresh.message();
        switch (refresh.outcome()) {
            case SWAPPED -> log.info("Model: {}", refresh.message());
            case UNCHANGED -> log.debug("Model: {}", refresh.message());
            default -> {
                if (repeated) {
                    log.debug("Model: {}", refresh.message(), cause);
                } else {
                    log.warn("Model: {}", refresh.message());
                }
            }
        }
        return refresh;
    }

    /** The new series first, then the old one goes: a scrape never finds no model info at all. */
    private void publishInfo(LiveModel next) {
        Gauge previous = infoGauge;
        infoGauge = Gauge.builder("severity.model.info", () -> 1)
                .description("The model version serving (value always 1)")
                .tag("name", next.id().name())
                .tag("version", next.id().version())
                .tag("run_id", next.id().runId() == null ? "" : next.id().runId())
                .register(meters);
        if (previous != null && !previous.getId().equals(infoGauge.getId())) {
            meters.remove(previous);
        }
    }

    private double registeredEpochSeconds() {
        LiveModel current = live;
        return current == null
                ? Double.NaN
                : current.model()
                        .registeredAt()
                        .map(at -> at.toEpochMilli() / 1000.0)
                        .orElse(Double.NaN);
    }

    private static String describe(ModelId id) {
        return id.name() + " version " + id.version();
    }

    /** The registry's champion and the shadow challenger: at start (before the api takes requests), then every poll interval. */
    @Override
    protected void round() {
        refresh(false);
        shadow.refresh();
    }
}
