package aero.severity.api.ratelimit;

import aero.severity.api.redis.RedisLink;
import aero.severity.api.redis.RedisProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<RateLimitEnforcer> enforcer;

    RateLimitConfiguration(ObjectProvider<RateLimitEnforcer> enforcer) {
        this.enforcer = enforcer;
    }

    /** Redis-backed when Redis is configured, in-process otherwise (embedded default). */
    @Bean
    RateLimiter rateLimiter(
            RateLimitProperties properties,
            RedisProperties redis,
            ObjectProvider<RedisLink> link,
            MeterRegistry meters) {
        LocalRateLimiter local = new LocalRateLimiter(properties);
        // registered in every mode so dashboards and alerts see a series (always 0 without Redis)
        Counter fallbacks = Counter.builder("severity.ratelimit.fallback")
                .description("Requests whose rate limit was decided in-process because Redis was unavailable")
                .register(meters);
        RedisLink redisLink = link.getIfAvailable();
        if (!redis.enabled() || redisLink == null) {
            return local;
        }
        return new RedisRateLimiter(properties, redisLink, local, fallbacks);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(enforcer.getObject()))
                .addPathPatterns("/api/v1/**")
                .excludePathPatterns("/api/v1/auth/**");
    }
}
