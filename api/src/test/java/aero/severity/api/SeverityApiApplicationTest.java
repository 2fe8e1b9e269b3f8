package aero.severity.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL"})
class SeverityApiApplicationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void livenessIsUpOnTheManagementPortWithoutCredentials() {
        String body = RestClient.create("http://127.0.0.1:" + managementPort).get()
                .uri("/actuator/health/liveness").retrieve().body(String.class);

        assertThat(body).contains("\"status\":\"UP\"");
    }
}
