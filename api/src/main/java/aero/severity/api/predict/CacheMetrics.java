package aero.severity.api.predict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code severity_cache_requests_total{result=hit|miss|error}}, and of the hits those answered in this
 * process without asking Redis, {@code severity_cache_near_hits_total}.
 */
final class CacheMetrics {

    final Counter hit;
    final Counter miss;
    final Counter error;
    final Counter nearHit;

    CacheMetrics(MeterRegistry meters) {
        this.hit = counter(meters, "hit");
        this.miss = counter(meters, "miss");
        this.error = counter(meters, "error");
        this.nearHit = Counter.builder("severity.cache.near.hits")
                .description("Prediction cache hits answered in this process, before Redis (part of result=hit)")
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("severity.cache.requests")
                .description("Prediction cache lookups by result")
                .tag("result", result)
                .register(meters);
    }
}
