package aero.severity.ingest.fetch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void theWaitDoublesAfterEachFailedTryUpToTheBound() {
        assertThat(backoff.after(1, null)).hasSeconds(1);
        assertThat(backoff.after(2, null)).hasSeconds(2);
        assertThat(backoff.after(3, null)).hasSeconds(4);
        assertThat(backoff.after(6, null)).hasSeconds(30);
        assertThat(backoff.after(60, null)).hasSeconds(30);
    }

    @Test
    void aServersRetryAfterIsHonouredWithinTheSameBound() {
        assertThat(backoff.after(1, Duration.ofSeconds(7))).hasSeconds(7);
        assertThat(backoff.after(3, Duration.ofSeconds(1)))
                .as("never shorter than the backoff")
                .hasSeconds(4);
        assertThat(backoff.after(1, Duration.ofHours(1))).hasSeconds(30);
    }
}
