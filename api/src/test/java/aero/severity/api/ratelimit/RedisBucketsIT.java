package aero.severity.api.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import aero.severity.api.auth.Caller;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.redis.RedisLink;
import aero.severity.testing.RealServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis buckets (one script call per request, on the real Redis) against the in-process Bucket4j
 * buckets they replace: the same answers for the same requests, and the same continuous refill.
 */
class RedisBucketsIT {

    private final RedisClient client = RedisClient.create(RealServices.get().redisUrl());
    private final RedisLink link = new RedisLink(client, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final Counter fallbacks = new SimpleMeterRegistry().counter("fallbacks");

    @AfterEach
    void close() {
        link.close();
        client.shutdown();
    }

    @Test
    void theSameRequestsGetTheSameAnswersAsFromTheInProcessBuckets() {
        RateLimitProperties properties = properties(Duration.ofHours(1), 7);
        RateLimiter redis = redisBuckets(properties);
        RateLimiter local = new LocalRateLimiter(properties);
        Caller caller = freshCaller();

        // a full bucket of 7, then: a batch of 3, one by one to empty, refusals of 1 and of more than
        // the capacity, one that fits exactly what is left
        List<RateLimitDecision> fromRedis = new ArrayList<>();
        List<RateLimitDecision> fromBucket4j = new ArrayList<>();
        for (long tokens : new long[] {1, 3, 1, 1, 1, 1, 8, 1}) {
            fromRedis.add(redis.tryConsume(caller, tokens));
            fromBucket4j.add(local.tryConsume(caller, tokens));
        }

        assertThat(fromRedis)
                .extracting(RateLimitDecision::allowed)
                .containsExactly(true, true, true, true, true, false, false, false);
        assertThat(fromRedis).extracting(RateLimitDecision::remaining).containsExactly(6L, 3L, 2L, 1L, 0L, 0L, 0L, 0L);
        for (int i = 0; i < fromRedis.size(); i++) {
            RateLimitDecision r = fromRedis.get(i);
            RateLimitDecision b = fromBucket4j.get(i);
            assertThat(r.allowed()).as("request %d allowed", i).isEqualTo(b.allowed());
            assertThat(r.remaining()).as("request %d remaining", i).isEqualTo(b.remaining());
            assertThat(r.limit()).isEqualTo(7);
            // computed a few milliseconds apart: whole seconds may round differently by one
            assertThat(r.resetSeconds())
                    .as("request %d reset", i)
                    .isBetween(b.resetSeconds() - 1, b.resetSeconds() + 1);
            if (i != 6) { // more than the capacity: Bucket4j has no finite wait to give
                assertThat(r.retryAfterSeconds())
                        .as("request %d retry", i)
                        .isBetween(b.retryAfterSeconds() - 1, b.retryAfterSeconds() + 1);
            }
        }
        // the bucket is empty: full again after 7 x 3600 / 7 s, and one token back after 3600 / 7 s
        assertThat(fromRedis.get(5).resetSeconds()).isBetween(3598L, 3600L);
        assertThat(fromRedis.get(5).retryAfterSeconds()).isBetween(513L, 515L);
        assertThat(fallbacks.count()).as("every answer came from Redis").isZero();
    }

    @Test
    void anEmptyBucketRefillsContinuouslyAtLimitPerPeriod() throws InterruptedException {
        RateLimitProperties properties = properties(Duration.ofSeconds(1), 10);
        RateLimiter redis = redisBuckets(properties);
        Caller caller = freshCaller();
        redis.tryConsume(caller, 1); // connected, script loaded: the timing below is Redis's alone
        Thread.sleep(150);
        assertThat(redis.tryConsume(caller, 10).allowed()).isTrue();

        Thread.sleep(350); // 10 per second: 3 tokens back after 300 ms, a 4th at 400 ms

        int allowed = 0;
        while (redis.tryConsume(caller, 1).allowed()) {
            allowed++;
        }
        assertThat(allowed).isBetween(3, 5);
        assertThat(fallbacks.count()).isZero();
    }

    @Test
    void theBucketIsKeptInRedisUntilItIsFullAgainPlusAMinute() {
        RateLimitProperties properties = properties(Duration.ofHours(1), 100);
        RateLimiter redis = redisBuckets(properties);
        Caller caller = freshCaller();

        redis.tryConsume(caller, 10);

        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String key = TierBuckets.key(caller, 100, properties) + ":gcra";
            // 10 of 100 per hour used: full again in 360 s
            assertThat(connection.sync().pttl(key)).isBetween(415_000L, 420_000L);
        }
    }

    @Test
    void aRedisThatForgotTheScriptIsSentItAgain() {
        RateLimitProperties properties = properties(Duration.ofHours(1), 3);
        RateLimiter redis = redisBuckets(properties);
        Caller caller = freshCaller();
        redis.tryConsume(caller, 1);

        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().scriptFlush(); // as after a Redis restart
        }

        assertThat(redis.tryConsume(caller, 1).remaining()).isEqualTo(1);
        assertThat(fallbacks.count()).isZero();
    }

    @Test
    void aBucketShapedForAnotherLimitIsNeverShared() {
        Caller caller = freshCaller();
        RateLimitProperties small = properties(Duration.ofHours(1), 2);
        RateLimitProperties large = properties(Duration.ofHours(1), 5);
        RateLimiter smallLimiter = redisBuckets(small);
        RateLimiter largeLimiter = redisBuckets(large);

        smallLimiter.tryConsume(caller, 2);

        assertThat(smallLimiter.tryConsume(caller, 1).allowed()).isFalse();
        assertThat(largeLimiter.tryConsume(caller, 1).remaining()).isEqualTo(4);
    }

    /** The Redis buckets under test, falling back to in-process ones (counted in {@code fallbacks}). */
    private RateLimiter redisBuckets(RateLimitProperties properties) {
        return new RedisRateLimiter(properties, link, new LocalRateLimiter(properties), fallbacks);
    }

    private static RateLimitProperties properties(Duration period, long limit) {
        return new RateLimitProperties(period, Map.of(Tier.FREE, limit, Tier.PRO, limit, Tier.ENTERPRISE, limit));
    }

    private static Caller freshCaller() {
        return new Caller("buckets-" + UUID.randomUUID().toString().substring(0, 8), ClientRole.ANALYST, Tier.FREE);
    }
}
