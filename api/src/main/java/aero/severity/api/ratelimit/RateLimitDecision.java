package aero.severity.api.ratelimit;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * One bucket's answer.
 *
 * @param limit             requests per period for the caller's tier
 * @param remaining         requests left right now
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds when refused: seconds until the request would be allowed
 */
public record RateLimitDecision(
        boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static RateLimitDecision of(ConsumptionProbe probe, long limit) {
        return new RateLimitDecision(
                probe.isConsumed(),
                limit,
                probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    private static long ceilSeconds(long nanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return nanos <= 0 ? 0 : (nanos + second - 1) / second;
    }
}
