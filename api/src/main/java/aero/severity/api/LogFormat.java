package aero.severity.api;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code SEVERITY_LOG_FORMAT=json} (set in the image) switches the console to Spring Boot's
 * structured JSON logging (Elastic Common Schema), where the request id of {@code RequestIdFilter}
 * travels on every line; {@code text} (the default elsewhere) keeps the readable format.
 */
class LogFormat implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format =
                environment.getProperty("SEVERITY_LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" ->
                environment
                        .getPropertySources()
                        .addLast(new MapPropertySource(
                                "severityLogFormat", Map.of("logging.structured.format.console", "ecs")));
            case "text", "" -> {}
            default ->
                throw new IllegalStateException("SEVERITY_LOG_FORMAT must be json or text, got '" + format + "'");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
