package aero.severity.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void jsonSwitchesTheConsoleToStructuredEcsLogs() {
        MockEnvironment environment = new MockEnvironment().withProperty("SEVERITY_LOG_FORMAT", "json");

        new LogFormat().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void textOrNothingKeepsTheReadableFormat() {
        MockEnvironment environment = new MockEnvironment().withProperty("SEVERITY_LOG_FORMAT", "text");

        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        new LogFormat().postProcessEnvironment(new MockEnvironment(), new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anythingElseIsRefusedAtStartup() {
        MockEnvironment environment = new MockEnvironment().withProperty("SEVERITY_LOG_FORMAT", "xml");

        assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("json or text");
    }
}
