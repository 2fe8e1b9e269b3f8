package aero.severity.ingest.fetch;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Exponential backoff, bounded: initial, 2x, 4x, ... never above {@code max}; a server's Retry-After within the same bound. */
record Backoff(Duration initial, Duration max) {

    /** The wait after failed try number {@code attempt} (1-based). */
    Duration after(int attempt, @Nullable Duration retryAfter) {
        Duration delay = initial;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
