package aero.severity.api.redis;

import java.time.Duration;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.LocalServices;
import aero.severity.testing.RealServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped for real ({@code scripts/services.sh stop redis}) or frozen ({@code CLIENT PAUSE}):
 * predictions still answer 200, the in-process limiter takes over and both fallbacks are counted;
 * when Redis is back, the shared cache and limits are too.
 */
@TestPropertySource(properties = "severity.redis.retry-interval=300ms")
class RedisOutageIT extends FullStackTest {

    @AfterAll
    static void redisRunsAgain() {
        LocalServices.run("start", "redis");
    }

    @Test
    void withRedisStoppedPredictionsStillAnswerAndTheFallbacksAreCountedThenRedisIsUsedAgain() {
        String analyst = token(ClientRole.ANALYST, Tier.PRO);
        double fallbacksBefore = metric("severity_ratelimit_fallback_total");
        double errorsBefore = metric("severity_cache_requests_total", "result=\"error\"");

        LocalServices.run("stop", "redis");
        try {
            for (int i = 0; i < 3; i++) {
                Http.Reply reply = http().postJson("/api/v1/predict", analyst, Flights.unique());
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                assertThat(reply.json().get("cached").asBoolean()).isFalse();
                assertThat(reply.longHeader("RateLimit-Limit")).isEqualTo(1000);
            }
            Http.Reply batch = http().postJson("/api/v1/predict/batch", analyst, Flights.batchJson(4));
            assertThat(batch.status()).isEqualTo(200);
        } finally {
            LocalServices.run("start", "redis");
        }
        assertThat(metric("severity_ratelimit_fallback_total")).isGreaterThanOrEqualTo(fallbacksBefore + 4);
        assertThat(metric("severity_cache_requests_total", "result=\"error\""))
                .isGreaterThanOrEqualTo(errorsBefore + 3);

        String flight = Flights.unique();
        await(
                Duration.ofSeconds(20),
                () -> {
                    http().postJson("/api/v1/predict", analyst, flight);
                    return http().postJson("/api/v1/predict", analyst, flight)
                            .json()
                            .get("cached")
                            .asBoolean();
                },
                "the Redis cache to answer again");
        double fallbacksAfterRecovery = metric("severity_ratelimit_fallback_total");
        assertThat(http().postJson("/api/v1/predict", analyst, Flights.unique()).status())
                .isEqualTo(200);
        assertThat(metric("severity_ratelimit_fallback_total")).isEqualTo(fallbacksAfterRecovery);
    }

    @Test
    void aFrozenRedisCostsATimeoutNotAFailure() {
        String analyst = token(ClientRole.ANALYST, Tier.PRO);
        double errorsBefore = metric("severity_cache_requests_total", "result=\"error\"");
        RedisClient client = RedisClient.create(RealServices.get().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().clientPause(2_000);

            Http.Reply reply = http().postJson("/api/v1/predict", analyst, Flights.unique());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(metric("severity_cache_requests_total", "result=\"error\""))
                    .isGreaterThan(errorsBefore);
        } finally {
            client.shutdown();
        }
    }
}
