package aero.severity.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultProfileTest {

    @Test
    void withoutADatabaseUrlTheDefaultIsEmbedded() {
        MockEnvironment environment = new MockEnvironment();

        new DefaultProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getDefaultProfiles()).containsExactly("embedded");
    }

    @Test
    void withSeverityDbUrlTheDefaultIsPostgres() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("SEVERITY_DB_URL", "jdbc:postgresql://127.0.0.1:15432/severity");

        new DefaultProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getDefaultProfiles()).containsExactly("postgres");
    }

    @Test
    void anExplicitProfileStillWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("SEVERITY_DB_URL", "jdbc:postgresql://x/y");
        environment.setActiveProfiles("embedded");

        new DefaultProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getActiveProfiles()).containsExactly("embedded");
    }

    @Test
    void theEmbeddedProfileUsesNoMlflowOrRedisEvenWhenTheEnvironmentNamesThem() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("severity.mlflow.uri", "http://127.0.0.1:15000")
                .withProperty("severity.redis.enabled", "true");
        environment.setActiveProfiles("embedded");

        new EmbeddedDefault().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("severity.mlflow.uri")).isEmpty();
        assertThat(environment.getProperty("severity.redis.enabled")).isEqualTo("false");
    }

    @Test
    void thePostgresProfileKeepsThem() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("severity.mlflow.uri", "http://127.0.0.1:15000");
        environment.setActiveProfiles("postgres");

        new EmbeddedDefault().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("severity.mlflow.uri")).isEqualTo("http://127.0.0.1:15000");
    }
}
