package aero.severity.api.ratelimit;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;

import aero.severity.api.auth.Caller;
import aero.severity.api.auth.Tier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Charges a request to its caller's bucket and writes the {@code RateLimit-*} headers; throws
 * {@link RateLimitExceededException} (a 429) when the bucket cannot pay.
 */
@Component
public class RateLimitEnforcer {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final Map<Tier, Counter> rejections = new EnumMap<>(Tier.class);

    RateLimitEnforcer(RateLimiter limiter, RateLimitProperties properties, MeterRegistry meters) {
        this.limiter = limiter;
        this.properties = properties;
        for (Tier tier : Tier.values()) {
            rejections.put(
                    tier,
                    Counter.builder("severity.ratelimit.rejections")
                            .description("Requests refused with 429, by tier")
                            .tag("tier", tier.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** Takes {@code tokens} from the caller's bucket (a batch costs one per flight). */
    public void charge(Caller caller, long tokens, HttpServletResponse response) {
        RateLimitDecision decision = limiter.tryConsume(caller, tokens);
        writeHeaders(decision, response);
        if (!decision.allowed()) {
            rejections.get(caller.tier()).increment();
            throw new RateLimitExceededException(decision, caller.tier(), tokens);
        }
    }

    public void writeHeaders(RateLimitDecision decision, HttpServletResponse response) {
        response.setHeader(LIMIT, Long.toString(decision.limit()));
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.resetSeconds()));
        response.setHeader(
                POLICY, decision.limit() + ";w=" + properties.period().toSeconds());
    }
}
