package aero.severity.api.web;

import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer is counted in {@code severity_api_errors_total}, also those no controller
 * wrote: a refusal by Spring Security's firewall (answered by the {@code /error} page) and one by
 * Tomcat itself (answered by the error report valve).
 */
class ErrorCountsIT extends FullStackTest {

    @Test
    void aUrlTheFirewallRefusesIsAProblemDetailAndCounted() {
        double before = metric("severity_api_errors_total", "status=\"400\"");

        Http.Reply reply = http().get("/api/v1/events/a%25b"); // an encoded percent sign

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(metric("severity_api_errors_total", "status=\"400\"")).isEqualTo(before + 1);
    }

    @Test
    void aUrlTomcatRefusesIsAProblemDetailAndCounted() {
        double before = metric("severity_api_errors_total", "status=\"400\"");
        double containerBefore =
                metric("severity_api_errors_total", "exception=\"ContainerRefusal\"", "status=\"400\"");

        Http.Reply reply = http().get("/api/v1/events/a%2Fb"); // an encoded slash: Tomcat's own 400

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"status\":400").doesNotContain("Tomcat");
        assertThat(metric("severity_api_errors_total", "exception=\"ContainerRefusal\"", "status=\"400\""))
                .isEqualTo(containerBefore + 1);
        assertThat(metric("severity_api_errors_total", "status=\"400\"")).isEqualTo(before + 1);
    }

    @Test
    void headersOverTheLimitAreA431ProblemDetailNamingTheLimitAndCounted() {
        double before = metric("severity_api_errors_total", "exception=\"ContainerRefusal\"", "status=\"431\"");

        Http.Reply reply = http().get("/api/v1/models", "eyJ" + "A".repeat(9 * 1024)); // a 9 KB bearer header

        assertThat(reply.status()).as(reply.toString()).isEqualTo(431);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.json().get("type").asString())
                .isEqualTo("urn:severity:problem:request-header-fields-too-large");
        assertThat(reply.json().get("detail").asString()).contains("8192 bytes");
        assertThat(metric("severity_api_errors_total", "exception=\"ContainerRefusal\"", "status=\"431\""))
                .isEqualTo(before + 1);
    }
}
