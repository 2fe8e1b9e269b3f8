package aero.severity.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests itself, before any filter or controller sees them (a path holding
 * {@code %00} or an encoded slash, an unparseable request line, headers over the connector's limit).
 * Its own report is an HTML page naming the server and its version; this one is a problem detail
 * like every other error, with no internals, and counted in {@code severity_api_errors_total}.
 * Headers over the limit get the status that names them, 431 (RFC 6585), instead of Tomcat's 400.
 * Installed as the host's error report valve by {@link WebConfiguration}.
 */
public final class ContainerErrorReport extends ErrorReportValve {

    /** The message Tomcat's HTTP/1.1 parser gives the headers it cannot hold, in its own locale. */
    private static final String HEADERS_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final ApiErrors errors;

    ContainerErrorReport(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: only errors, only when nothing was written, only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail =
                "the request was refused before it reached the api: it is not a valid HTTP request for this server";
        if (throwable instanceof IllegalArgumentException && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
            status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
            response.setStatus(status);
            detail = "the request's headers are larger than the "
                    + request.getConnector().getProperty("maxHttpRequestHeaderSize")
                    + " bytes this server accepts in all";
        }
        errors.count(ApiErrors.CONTAINER_REFUSAL, status);
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemTypes.forStatus(status) + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
