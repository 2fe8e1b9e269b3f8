/**
 * The one Redis connection the rate limiter and the prediction cache share, with short timeouts and
 * a circuit that makes both fall back to in-process work while Redis is away instead of failing or
 * waiting on it.
 */
@NullMarked
package aero.severity.api.redis;

import org.jspecify.annotations.NullMarked;
