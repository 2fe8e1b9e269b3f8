package aero.severity.api.ratelimit;

import java.time.Duration;

import aero.severity.api.auth.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/**
 * Buckets in this process only: the embedded default, and the stand-in while Redis is away (then
 * each replica enforces the limit on its own, so a client may get up to replicas x limit).
 */
final class LocalRateLimiter implements RateLimiter {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    LocalRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        // a bucket untouched for a whole period is full again: forgetting it loses nothing
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(properties.period().plus(Duration.ofMinutes(1)))
                .maximumSize(1_000_000)
                .build();
    }

    @Override
    public RateLimitDecision tryConsume(Caller caller, long tokens) {
        long limit = properties.limit(caller.tier());
        Bucket bucket = buckets.get(
                TierBuckets.key(caller, limit, properties),
                key -> Bucket.builder()
                        .addLimit(TierBuckets.bandwidth(properties, limit))
                        .build());
        return RateLimitDecision.of(bucket.tryConsumeAndReturnRemaining(tokens), limit);
    }
}
