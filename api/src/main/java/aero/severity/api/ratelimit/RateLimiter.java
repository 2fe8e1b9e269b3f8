package aero.severity.api.ratelimit;

import aero.severity.api.auth.Caller;

/** Takes tokens from the caller's bucket; never throws for infrastructure trouble. */
interface RateLimiter {

    RateLimitDecision tryConsume(Caller caller, long tokens);
}
