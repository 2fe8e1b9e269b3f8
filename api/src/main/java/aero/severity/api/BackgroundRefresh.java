package aero.severity.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link #round()} on a daemon thread of its own every interval, from the context's start to
 * its stop: the champion's registry poll and the gauges read from the database, so that neither a
 * request nor a scrape waits on them. A round that throws is logged and the schedule goes on (an
 * escaping exception would silently cancel it).
 */
public abstract class BackgroundRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRefresh.class);

    private final String threadName;
    private final Duration interval;
    private final boolean firstRoundOnStart;
    private @Nullable ScheduledExecutorService refresher;

    /**
     * @param firstRoundOnStart true: the first round runs in {@link #start()} itself (its failure fails
     *                          the start) and the schedule begins one interval later; false: the
     *                          schedule begins at once
     */
    protected BackgroundRefresh(String threadName, Duration interval, boolean firstRoundOnStart) {
        this.threadName = threadName;
        this.interval = interval;
        this.firstRoundOnStart = firstRoundOnStart;
    }

    /** One round of the work. */
    protected abstract void round();

    private void scheduledRound() {
        try {
            round();
        } catch (RuntimeException e) {
            log.error(
                    "{}: a round failed unexpectedly; keeping what it had, next round in {}", threadName, interval, e);
        }
    }

    @Override
    public void start() {
        if (firstRoundOnStart) {
            round();
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        // the schedule's future is not kept: scheduledRound catches and logs what a round throws, so the
        // future never completes exceptionally; shutdown stops it
        var unused = executor.scheduleWithFixedDelay(
                this::scheduledRound, firstRoundOnStart ? millis : 0, millis, TimeUnit.MILLISECONDS);
        refresher = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = refresher;
        if (executor != null) {
            executor.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
