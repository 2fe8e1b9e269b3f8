package aero.severity.api.auth;

import aero.severity.api.SeverityApiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the embedded default the api does not start without a strong JWT secret. */
class StartupSecretTest {

    @Test
    void theApiRefusesToStartWithoutASecretWhenGeneratingOneIsNotAllowed() {
        assertThatThrownBy(() -> start("--severity.security.jwt.secret="))
                .hasStackTraceContaining("no JWT signing secret configured");
    }

    @Test
    void theApiRefusesToStartWithAWeakSecret() {
        assertThatThrownBy(
                        () -> start("--severity.security.jwt.secret=" + "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh"))
                .hasStackTraceContaining("weak");
    }

    private static void start(String secretArgument) {
        // the embedded profile (no outside servers) with the postgres profile's rule: no generated secret
        new SpringApplicationBuilder(SeverityApiApplication.class)
                .profiles("embedded")
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--severity.embedded.data-dir=" + System.getProperty("java.io.tmpdir")
                                + "/severity-startup-secret",
                        "--spring.datasource.url=jdbc:h2:mem:secret" + System.nanoTime() + ";MODE=PostgreSQL",
                        "--severity.security.jwt.generate-missing-secret=false",
                        secretArgument)
                .close();
    }
}
