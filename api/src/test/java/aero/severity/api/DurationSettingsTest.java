package aero.severity.api;

import aero.severity.api.auth.JwtProperties;
import aero.severity.api.predict.CacheProperties;
import aero.severity.api.ratelimit.RateLimitProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A period, lifetime or time-to-live of zero or less stops the api at start, naming the setting. */
class DurationSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RateLimitProperties.class, JwtProperties.class, CacheProperties.class})
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "severity.rate-limit.tiers.FREE=10",
                    "severity.rate-limit.tiers.PRO=100",
                    "severity.rate-limit.tiers.ENTERPRISE=1000");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "severity.rate-limit.period",
                "severity.security.jwt.ttl",
                "severity.cache.ttl",
                "severity.cache.near-ttl"
            })
    void aZeroDurationIsRefusedByName(String setting) {
        runner.withPropertyValues(setting + "=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(setting.substring(setting.lastIndexOf('.') + 1));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"severity.rate-limit.period", "severity.security.jwt.ttl", "severity.cache.ttl"})
    void aNegativeDurationIsRefused(String setting) {
        runner.withPropertyValues(setting + "=-5s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theDefaultsStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }
}
