package aero.severity.api.ratelimit;

import aero.severity.api.auth.Tier;

/** The caller's bucket is empty. */
public class RateLimitExceededException extends RuntimeException {

    private final RateLimitDecision decision;
    private final Tier tier;

    RateLimitExceededException(RateLimitDecision decision, Tier tier, long requested) {
        super("rate limit of " + decision.limit() + " requests for tier " + tier + " reached"
                + (requested > 1 ? " (this request needs " + requested + ")" : "") + "; retry in "
                + decision.retryAfterSeconds() + " s");
        this.decision = decision;
        this.tier = tier;
    }

    public RateLimitDecision decision() {
        return decision;
    }

    public Tier tier() {
        return tier;
    }
}
