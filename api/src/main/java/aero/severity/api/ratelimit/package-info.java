/**
 * Per-client token buckets by tier: in Redis through Bucket4j's Lettuce proxy manager (shared by
 * every replica) with in-process buckets taking over while Redis is away, or in-process only in the
 * embedded default. Every api response carries {@code RateLimit-*} headers; an empty bucket is a 429
 * problem detail with {@code Retry-After}.
 */
@NullMarked
package aero.severity.api.ratelimit;

import org.jspecify.annotations.NullMarked;
