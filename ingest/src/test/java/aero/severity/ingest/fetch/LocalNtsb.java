package aero.severity.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the NTSB's download server, on 127.0.0.1 at a random port: each file name has a
 * behaviour (serve with Range and conditional requests, fail, stall, break off), and every request is
 * kept so a test can say what the client asked for.
 */
final class LocalNtsb implements AutoCloseable {

    /** What the server does for the n-th request (1-based) of a file. */
    @FunctionalInterface
    interface Behaviour {
        void answer(HttpExchange exchange, int request) throws IOException, InterruptedException;
    }

    record Request(String file, String method, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Behaviour> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalNtsb() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-ntsb");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/avdata/", exchange -> {
            String file = exchange.getRequestURI().getPath().substring("/avdata/".length());
            requests.add(new Request(file, exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders())));
            int n = counts.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
            Behaviour behaviour = files.getOrDefault(file, (ex, i) -> status(ex, 404));
            try {
                behaviour.answer(exchange, n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (a timeout test) or the behaviour broke the transfer on purpose
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL as {@code --base-url} takes it. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/avdata/";
    }

    LocalNtsb on(String file, Behaviour behaviour) {
        files.put(file, behaviour);
        return this;
    }

    int requestsFor(String file) {
        AtomicInteger n = counts.get(file);
        return n == null ? 0 : n.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsOf(String file) {
        return requests.stream().filter(r -> r.file().equals(file)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // --- behaviours ------------------------------------------------------------------------------

    /** The file as a real server does: ETag, If-None-Match (304), Range with If-Range (206). */
    static Behaviour file(byte[] body, String etag) {
        return (ex, n) -> serve(ex, body, etag);
    }

    /** The file with no validators at all: no ETag, no Last-Modified, no Range support. */
    static Behaviour plainFile(byte[] body) {
        return (ex, n) -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** {@code times} answers of {@code status}, then {@code then}. */
    static Behaviour failing(int status, int times, Behaviour then) {
        return (ex, n) -> {
            if (n <= times) {
                status(ex, status);
            } else {
                then.answer(ex, n);
            }
        };
    }

    /** Waits {@code millis} before answering at all. */
    static Behaviour silentFor(long millis, Behaviour then) {
        return (ex, n) -> {
            Thread.sleep(millis);
            then.answer(ex, n);
        };
    }

    /** Sends the headers and half the body, then goes quiet for {@code millis}. */
    static Behaviour stallingHalfway(byte[] body, long millis) {
        return (ex, n) -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(millis);
        };
    }

    /** Announces the whole length, sends {@code share} of it and drops the connection, on the first {@code times} requests. */
    static Behaviour breakingOff(byte[] body, String etag, int times) {
        return (ex, n) -> {
            if (n > times) {
                serve(ex, body, etag);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 3);
            out.flush();
            // closing the exchange short of the announced length makes the server drop the connection
        };
    }

    static void status(HttpExchange ex, int status) throws IOException {
        byte[] text = ("<html><body>error " + status + "</body></html>").getBytes();
        ex.sendResponseHeaders(status, text.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(text);
        }
    }

    private static void serve(HttpExchange ex, byte[] body, String etag) throws IOException {
        Headers request = ex.getRequestHeaders();
        ex.getResponseHeaders().set("ETag", etag);
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (etag.equals(request.getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        String range = request.getFirst("Range");
        String ifRange = request.getFirst("If-Range");
        int from = 0;
        if (range != null && range.matches("bytes=\\d+-") && (ifRange == null || ifRange.equals(etag))) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            if (from >= body.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - from);
        } else {
            ex.sendResponseHeaders(200, body.length);
        }
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body, from, body.length - from);
        }
    }

    // --- archives --------------------------------------------------------------------------------

    /** A zip holding the given files under the given entry names. */
    static byte[] zip(Map<String, Path> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                Files.copy(entry.getValue(), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code size} zero bytes: deflates about 1000 to 1. */
    static byte[] zipOfZeros(String entryName, int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            byte[] block = new byte[1 << 20];
            for (int written = 0; written < size; written += block.length) {
                zip.write(block, 0, Math.min(block.length, size - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
