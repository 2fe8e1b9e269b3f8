package aero.severity.api;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The embedded default talks to no outside server, even in a shell where {@code SEVERITY_MLFLOW_URI}
 * is exported (environment variables outrank {@code application-embedded.yml}): with the
 * {@code embedded} profile active, models come from the local folder. Runs after the configuration
 * files are read, when the active profiles are known.
 */
class EmbeddedDefault implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(DefaultProfile.EMBEDDED))) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "severityEmbeddedDefault",
                            Map.of("severity.mlflow.uri", "", "severity.redis.enabled", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
