package aero.severity.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;

/**
 * Every error answer is counted in {@code severity_api_errors_total}, also those no controller
 * wrote: a refusal by Spring Security's firewall (answered by the {@code /error} page) and one by
 * Tomcat itself (answered by the error report valve).
 */
class ErrorCountsIT extends FullStackTest {

    @Test
    void aUrlTheFirewallRefusesIsAProblemDetailAndCounted() {
        double before = errors("400");

        Http.Reply reply = http().get("/api/v1/events/a%25b"); // an encoded percent sign

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errors("400")).isEqualTo(before + 1);
    }

    @Test
    void aUrlTomcatRefusesIsAProblemDetailAndCounted() {
        double before = errors("400");
        double containerBefore = count("ContainerRefusal", "400");

        Http.Reply reply = http().get("/api/v1/events/a%2Fb"); // an encoded slash: Tomcat's own 400

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"status\":400").doesNotContain("Tomcat");
        assertThat(count("ContainerRefusal", "400")).isEqualTo(containerBefore + 1);
        assertThat(errors("400")).isEqualTo(before + 1);
    }

    /** All series of the status, whatever the exception. */
    private double errors(String status) {
        return sum(Pattern.compile("severity_api_errors_total\\{[^}]*status=\"" + status + "\"[^}]*} (\\S+)"));
    }

    private double count(String exception, String status) {
        return sum(Pattern.compile("severity_api_errors_total\\{[^}]*exception=\"" + exception + "\"[^}]*status=\""
                + status + "\"[^}]*} (\\S+)"));
    }

    private double sum(Pattern series) {
        Matcher matcher = series.matcher(management().get("/actuator/prometheus").body());
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
