package aero.severity.api.ratelimit;

import aero.severity.api.auth.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/** The bucket shape for a tier and the key naming a caller's bucket. */
final class TierBuckets {

    private TierBuckets() {}

    static Bandwidth bandwidth(RateLimitProperties properties, long limit) {
        return Bandwidth.builder()
                .capacity(limit)
                .refillGreedy(limit, properties.period())
                .build();
    }

    static BucketConfiguration configuration(RateLimitProperties properties, long limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth(properties, limit))
                .build();
    }

    /**
     * Client, tier and the limit itself: a client moved to another tier, or a limit reconfigured,
     * starts a fresh bucket instead of inheriting one shaped for the old limit.
     */
    static String key(Caller caller, long limit, RateLimitProperties properties) {
        return "severity:ratelimit:" + caller.clientId() + ":" + caller.tier() + ":" + limit + "per"
                + properties.period().toSeconds() + "s";
    }
}
