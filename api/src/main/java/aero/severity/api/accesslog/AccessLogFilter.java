package aero.severity.api.accesslog;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import aero.severity.api.auth.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The access log: after every request on the api port, one line on {@code aero.severity.api.access}
 * with the method, the route template ({@code /api/v1/events/{evId}}, not the path: no ids or
 * coordinates in the log, and one value per endpoint), the status, the duration, the body bytes, the
 * client id of the token and the request id; as key-value pairs, so the JSON format
 * ({@code SEVERITY_LOG_FORMAT=json}) has them as fields. A request at or over the slow threshold is
 * a WARN line, whatever the access log's level. Every response gets {@code Server-Timing: app;dur=}
 * the milliseconds the api spent before it began to write the body.
 */
final class AccessLogFilter extends OncePerRequestFilter {

    static final String LOGGER = "aero.severity.api.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final boolean enabled;
    private final long slowNanos;

    AccessLogFilter(AccessLogProperties properties) {
        this.enabled = properties.enabled();
        this.slowNanos = properties.slowThreshold().toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        TimedResponse timed = new TimedResponse(response, started);
        try {
            chain.doFilter(request, timed);
        } finally {
            timed.stampServerTiming();
            long nanos = System.nanoTime() - started;
            boolean slow = nanos >= slowNanos;
            if (slow || (enabled && log.isInfoEnabled())) {
                write(slow ? log.atWarn() : log.atInfo(), request, response.getStatus(), nanos, timed.bytes(), slow);
            }
        }
    }

    private static void write(
            LoggingEventBuilder event, HttpServletRequest request, int status, long nanos, long bytes, boolean slow) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? "unmatched" : pattern.toString();
        Object client = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        String clientId = client == null ? "-" : client.toString();
        event.addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.route", route)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration_ms", Math.round(nanos / 1e3) / 1e3)
                .addKeyValue("http.response.body.bytes", bytes)
                .addKeyValue("client.id", clientId)
                .log(
                        "{}{} {} {} {} ms {} bytes client {}",
                        slow ? "slow request: " : "",
                        request.getMethod(),
                        route,
                        status,
                        tenths(nanos),
                        bytes,
                        clientId);
    }

    /** Milliseconds to one decimal, without String.format's cost on every request. */
    static double tenths(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }

    /** Counts the body bytes and puts {@code Server-Timing} on the response before it commits. */
    private static final class TimedResponse extends HttpServletResponseWrapper {

        private final long started;
        private long bytes;
        private boolean stamped;
        private @Nullable ServletOutputStream stream;
        private @Nullable PrintWriter writer;

        TimedResponse(HttpServletResponse response, long started) {
            super(response);
            this.started = started;
        }

        long bytes() {
            return bytes;
        }

        void stampServerTiming() {
            if (!stamped && !isCommitted()) {
                stamped = true;
                setHeader("Server-Timing", "app;dur=" + tenths(System.nanoTime() - started));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stampServerTiming();
            if (stream == null) {
                ServletOutputStream inner = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        inner.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        inner.write(b, off, len);
                        bytes += len;
                    }

                    @Override
                    public void flush() throws IOException {
                        inner.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        inner.close();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        inner.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stampServerTiming();
            if (writer == null) {
                Charset charset = getCharacterEncoding() == null
                        ? StandardCharsets.ISO_8859_1
                        : Charset.forName(getCharacterEncoding());
                writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), charset), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            stampServerTiming();
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            stampServerTiming();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            stampServerTiming();
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            stampServerTiming();
            super.sendRedirect(location);
        }
    }
}
