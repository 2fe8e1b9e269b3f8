package aero.severity.api.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import aero.severity.api.auth.Caller;
import aero.severity.api.redis.RedisLink;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;

/**
 * Buckets in Redis, so every replica draws from the same bucket: one script call per request
 * ({@code token-bucket.lua}, the same bucket as the in-process one, decided on Redis's clock). It
 * replaced Bucket4j's Lettuce proxy manager, whose compare-and-swap took two round trips per request
 * (a GET, then an EVAL) and was a third of the api's CPU on a cache hit. When Redis is away (refused,
 * timed out, or within the retry interval after a failure) the request is decided by in-process
 * buckets instead and counted in {@code severity_ratelimit_fallback_total}: limits keep holding
 * approximately, requests never fail.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final String SCRIPT = script("token-bucket.lua");
    private static final String SCRIPT_SHA = sha1Hex(SCRIPT);
    /** Its own keys: a Bucket4j bucket left by an older replica is never read as this one's. */
    private static final String KEY_SUFFIX = ":gcra";

    private final RateLimitProperties properties;
    private final RedisLink link;
    private final LocalRateLimiter fallback;
    private final Counter fallbacks;
    private final byte[] periodMicros;

    RedisRateLimiter(RateLimitProperties properties, RedisLink link, LocalRateLimiter fallback, Counter fallbacks) {
        this.properties = properties;
        this.link = link;
        this.fallback = fallback;
        this.fallbacks = fallbacks;
        this.periodMicros =
                ascii(TimeUnit.NANOSECONDS.toMicros(properties.period().toNanos()));
    }

    @Override
    public RateLimitDecision tryConsume(Caller caller, long tokens) {
        long limit = properties.limit(caller.tier());
        StatefulRedisConnection<byte[], byte[]> connection = link.connection();
        if (connection != null) {
            try {
                List<Object> answer = run(
                        connection.sync(),
                        bytes(TierBuckets.key(caller, limit, properties) + KEY_SUFFIX),
                        ascii(limit),
                        periodMicros,
                        ascii(tokens));
                link.succeeded();
                return decision(answer, limit);
            } catch (RuntimeException e) {
                link.failed(e);
            }
        }
        fallbacks.increment();
        return fallback.tryConsume(caller, tokens);
    }

    /** By digest; the script text goes over only when Redis does not know it yet (a restart, a flush). */
    private static List<Object> run(RedisCommands<byte[], byte[]> redis, byte[] key, byte[]... args) {
        byte[][] keys = {key};
        try {
            return redis.evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, args);
        }
    }

    private static RateLimitDecision decision(List<Object> answer, long limit) {
        boolean allowed = (Long) answer.get(0) == 1;
        long remaining = (Long) answer.get(1);
        long fullInMicros = (Long) answer.get(2);
        long retryInMicros = (Long) answer.get(3);
        return new RateLimitDecision(
                allowed,
                limit,
                remaining,
                ceilSeconds(fullInMicros),
                allowed ? 0 : Math.max(1, ceilSeconds(retryInMicros)));
    }

    private static long ceilSeconds(long micros) {
        long second = TimeUnit.SECONDS.toMicros(1);
        return micros <= 0 ? 0 : (micros + second - 1) / second;
    }

    private static byte[] ascii(long value) {
        return bytes(Long.toString(value));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String script(String name) {
        try (InputStream in = RedisRateLimiter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
