package aero.severity.api.predict;

import aero.severity.api.redis.RedisLink;
import aero.severity.api.redis.RedisProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PredictionCacheConfiguration {

    /**
     * In Redis when Redis is configured (shared by replicas, its hot entries also kept near), in-process
     * otherwise (embedded default).
     */
    @Bean
    PredictionCache predictionCache(
            CacheProperties properties, RedisProperties redis, ObjectProvider<RedisLink> link, MeterRegistry meters) {
        CacheMetrics metrics = new CacheMetrics(meters);
        if (!properties.enabled()) {
            return PredictionCache.NONE;
        }
        RedisLink redisLink = link.getIfAvailable();
        if (!redis.enabled() || redisLink == null) {
            return new LocalPredictionCache(properties, metrics);
        }
        PredictionCache shared = new RedisPredictionCache(redisLink, properties, metrics);
        return properties.nearMaxEntries() == 0 ? shared : new NearPredictionCache(shared, properties, metrics);
    }
}
