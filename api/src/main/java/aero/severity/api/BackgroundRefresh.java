package aero.severity.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link #refresh()} on a daemon thread of its own, at once and then every interval, from the
 * context's start to its stop: for gauges read from the database, so that a scrape never waits on it.
 */
public abstract class BackgroundRefresh implements SmartLifecycle {

    private final String threadName;
    private final Duration interval;
    private @Nullable ScheduledExecutorService refresher;

    protected BackgroundRefresh(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One round; it must catch its own failures (an escaping exception stops the schedule). */
    protected abstract void refresh();

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
