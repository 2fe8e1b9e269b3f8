package aero.severity.api.accesslog;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogFilterTest {

    @Test
    void aRequestOverTheThresholdIsAWarningEvenWithTheAccessLogOff(CapturedOutput output) throws Exception {
        AccessLogFilter filter = new AccessLogFilter(new AccessLogProperties(false, Duration.ofMillis(20)));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/analytics/severity-by-year");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/analytics/severity-by-year");

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> sleep(40));
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {});

        assertThat(output.getOut()
                        .lines()
                        .filter(l -> l.contains("/api/v1/analytics/severity-by-year"))
                        .toList())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("WARN").contains("slow request: GET"));
    }

    @Test
    void theLineCountsTheBodyBytesAndTheResponseGetsServerTimingBeforeItsBody(CapturedOutput output) throws Exception {
        AccessLogFilter filter = new AccessLogFilter(new AccessLogProperties(true, Duration.ofSeconds(5)));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/predict");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            res.getOutputStream().write(new byte[1234]);
            res.getWriter();
        });

        assertThat(response.getHeader("Server-Timing")).matches("app;dur=\\d+\\.\\d");
        assertThat(output.getOut()).contains("POST unmatched 200").contains("1234 bytes client -");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
