package aero.severity.api.ratelimit;

import aero.severity.api.auth.Tier;
import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The caller's bucket is empty: 429 with {@code Retry-After}, the {@code RateLimit-*} headers and the tier. */
public class RateLimitExceededException extends ApiException {

    private final RateLimitDecision decision;
    private final Tier tier;

    RateLimitExceededException(RateLimitDecision decision, Tier tier, long requested) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.RATE_LIMITED,
                "Rate limit reached",
                "rate limit of " + decision.limit()
                        + " requests for tier " + tier + " reached"
                        + (requested > 1 ? " (this request needs " + requested + ")" : "") + "; retry in "
                        + decision.retryAfterSeconds() + " s");
        this.decision = decision;
        this.tier = tier;
        retryAfter(decision.retryAfterSeconds());
        header(RateLimitEnforcer.LIMIT, Long.toString(decision.limit()));
        header(RateLimitEnforcer.REMAINING, Long.toString(decision.remaining()));
        header(RateLimitEnforcer.RESET, Long.toString(decision.resetSeconds()));
        property("tier", tier.name());
    }

    public RateLimitDecision decision() {
        return decision;
    }

    public Tier tier() {
        return tier;
    }
}
