package aero.severity.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DefaultProfileTest {

    @Test
    void withoutADatabaseUrlTheDefaultIsEmbedded() {
        MockEnvironment environment = new MockEnvironment();

        new DefaultProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getDefaultProfiles()).containsExactly("embedded");
    }

    @Test
    void withSeverityDbUrlTheDefaultIsPostgres() {
        MockEnvironment environment = new MockEnvironment().withProperty("SEVERITY_DB_URL",
                "jdbc:postgresql://127.0.0.1:15432/severity");

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
}
