/**
 * Per-client token buckets by tier: in Redis, one script call per request (shared by every replica),
 * with in-process Bucket4j buckets of the same shape taking over while Redis is away, or in-process
 * only in the embedded default. Every api response carries {@code RateLimit-*} headers; an empty bucket is a 429
 * problem detail with {@code Retry-After}.
 */
@NullMarked
package aero.severity.api.ratelimit;

import org.jspecify.annotations.NullMarked;
