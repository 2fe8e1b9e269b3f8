package aero.severity.api.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code severity_api_errors_total{exception,status}}: every error answer, whoever wrote it: the
 * exception handler, the {@code /error} page (a firewall refusal, a filter's {@code sendError}) and
 * Tomcat's own refusals ({@link ContainerErrorReport}).
 */
final class ApiErrors {

    /** The {@code exception} of an {@code /error} answer that carried none (a {@code sendError}). */
    static final String SEND_ERROR = "SendError";
    /** The {@code exception} of a request Tomcat refused before any filter saw it. */
    static final String CONTAINER_REFUSAL = "ContainerRefusal";

    private final MeterRegistry meters;

    ApiErrors(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String exception, int status) {
        Counter.builder("severity.api.errors")
                .description("Failed requests by exception and status")
                .tag("exception", exception)
                .tag("status", Integer.toString(status))
                .register(meters)
                .increment();
    }
}
