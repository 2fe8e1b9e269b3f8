package aero.severity.api;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Picks the default profile before the configuration files are read: {@code postgres} (PostGIS,
 * Redis, MLflow) when {@code SEVERITY_DB_URL} is set, as {@code eval "$(scripts/services.sh env)"}
 * does, otherwise {@code embedded} (H2GIS file database, local model folder, in-process limiter and
 * cache). An explicitly active profile always wins: defaults only apply when none is active.
 */
class DefaultProfile implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED = "embedded";
    static final String POSTGRES = "postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("SEVERITY_DB_URL");
        environment.setDefaultProfiles(url == null || url.isBlank() ? EMBEDDED : POSTGRES);
    }

    @Override
    public int getOrder() {
        // before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10), which resolves profiles
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
