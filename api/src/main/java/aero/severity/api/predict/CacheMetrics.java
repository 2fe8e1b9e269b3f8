package aero.severity.api.predict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code severity_cache_requests_total{result=hit|miss|error}}. */
final class CacheMetrics {

    final Counter hit;
    final Counter miss;
    final Counter error;

    CacheMetrics(MeterRegistry meters) {
        this.hit = counter(meters, "hit");
        this.miss = counter(meters, "miss");
        this.error = counter(meters, "error");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("severity.cache.requests").description("Prediction cache lookups by result")
                .tag("result", result).register(meters);
    }
}
