package aero.severity.api.auth;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jakarta.validation.constraints.Positive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Token requests per client address: each one costs a BCrypt check (tens of milliseconds of CPU),
 * so without a bound a stream of guesses would take the api's CPU, and a client secret could be
 * guessed at leisure. In-process per replica: it protects the replica's CPU, which is the point.
 */
@Component
class TokenThrottle {

    private final long perMinute;
    private final Cache<String, Bucket> buckets;

    TokenThrottle(Properties properties) {
        this.perMinute = properties.perMinute();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one attempt from the address' allowance or throws {@link TokenRequestsThrottledException}. */
    void attempt(String address) {
        Bucket bucket = buckets.get(
                address,
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TokenRequestsThrottledException(
                    perMinute, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
        }
    }

    /** @param perMinute token requests one client address may make per minute ({@code severity.security.token-requests}) */
    @ConfigurationProperties("severity.security.token-requests")
    @Validated
    record Properties(@DefaultValue("60") @Positive long perMinute) {}
}
