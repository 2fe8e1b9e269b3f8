package aero.severity.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aero.severity.ingest.load.FileFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * Downloads one archive into the download folder with the JDK HttpClient. The bytes go to
 * {@code NAME.part} first and become {@code NAME} only when complete, so a file of that name is always
 * whole. A transfer that breaks off is resumed on the next try with a Range request, guarded by
 * {@code If-Range} with the validator of the first response (kept in {@code NAME.part.meta}), so the rest
 * can only come from the same version of the file. A read timeout is the longest silence allowed,
 * before the response and between pieces of its body: the request's own timeout is not used, because
 * whether it also covers the body differs between JDK versions, and avall.zip may take minutes.
 */
final class Downloader {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final FetchProperties settings;
    private final Backoff backoff;

    Downloader(FetchProperties settings) {
        this.settings = settings;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        // HTTP/1.1: one large body per request gains nothing from HTTP/2, and h2c upgrade headers on
        // plain-http mirrors are one more thing to go wrong
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Download fetch(PublishedFile file, @Nullable Validators previous) {
        Path dir = settings.downloadDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FetchException(
                    FetchFailure.WORK, "cannot create the download folder " + dir + ": " + e.getMessage(), e);
        }
        Retry last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (last != null) {
                sleep(backoff.after(attempt - 1, last.retryAfter));
            }
            try {
                return attempt(file, previous, dir);
            } catch (Retry retry) {
                last = retry;
            }
        }
        String tries = settings.maxAttempts() == 1 ? "1 try" : settings.maxAttempts() + " tries";
        throw new FetchException(last.failure, last.getMessage() + " (" + tries + ")", last.getCause());
    }

    private Download attempt(PublishedFile file, @Nullable Validators previous, Path dir) throws Retry {
        Path part = dir.resolve(file.name() + ".part");
        Path meta = dir.resolve(file.name() + ".part.meta");
        long have = sizeOf(part);
        String resumeValidator = have > 0 ? readMeta(meta) : null;
        if (have > 0 && resumeValidator == null) {
            deleteQuietly(
                    part, meta); // nothing proves the rest would belong to the same version of the file: start over
            have = 0;
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(file.url()).GET().header("User-Agent", "severity-ingest-fetch");
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-").header("If-Range", resumeValidator);
        } else if (previous != null && previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        } else if (previous != null && previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        long resumeFrom = have;
        AtomicReference<FileBody> body = new AtomicReference<>();
        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<Long>> future = client.sendAsync(request.build(), info -> {
            FileBody sink = FileBody.forResponse(
                    info, part, meta, resumeFrom, settings.maxDownloadSize().toBytes(), file.name());
            body.set(sink);
            return sink;
        });
        HttpResponse<Long> response = await(future, body, sent, file.url());
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        switch (status) {
            case 200, 206 -> {
                return arrived(file, response, part, meta);
            }
            case 304 -> {
                return new Download.NotModified();
            }
            case 404, 410 -> {
                if (!file.named()) {
                    return new Download.NotPublished(status);
                }
                throw new FetchException(FetchFailure.HTTP, "HTTP " + status + " (not found) from " + file.url());
            }
            case 416 -> {
                deleteQuietly(part, meta); // the partial file does not fit the file the server has now
                throw new Retry(FetchFailure.HTTP, "HTTP 416 for the rest of " + file.name() + " from " + file.url());
            }
            default -> {
                String what = "HTTP " + status + " from " + file.url();
                if (status == 408 || status == 429 || status >= 500) {
                    throw new Retry(FetchFailure.HTTP, what, null, retryAfter(headers));
                }
                throw new FetchException(FetchFailure.HTTP, what);
            }
        }
    }

    private Download arrived(PublishedFile file, HttpResponse<Long> response, Path part, Path meta) throws Retry {
        HttpHeaders headers = response.headers();
        long size = sizeOf(part);
        long expected = -1;
        if (response.statusCode() == 206) {
            Matcher range =
                    CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
            if (range.matches() && !range.group(3).equals("*")) {
                expected = Long.parseLong(range.group(3));
            }
        } else {
            expected = headers.firstValueAsLong("Content-Length").orElse(-1);
        }
        if (expected >= 0 && size != expected) {
            throw new Retry(
                    FetchFailure.NETWORK,
                    file.name() + " broke off at " + size + " of " + expected + " bytes from " + file.url());
        }
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        Path target = part.resolveSibling(file.name());
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(meta);
            return new Download.Arrived(target, FileFingerprint.of(target).sha256(), size, etag, lastModified);
        } catch (IOException e) {
            throw new FetchException(
                    FetchFailure.WORK, "cannot keep the download " + target + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the whole response, giving up after {@code readTimeout} without news from the server. */
    private HttpResponse<Long> await(
            CompletableFuture<HttpResponse<Long>> future, AtomicReference<FileBody> body, long sent, URI url)
            throws Retry {
        long timeout = settings.readTimeout().toNanos();
        while (true) {
            try {
                return future.get(
                        Math.max(1, Math.min(100, settings.readTimeout().toMillis())), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FileBody sink = body.get();
                long lastNews = sink == null ? sent : sink.lastActivity();
                if (System.nanoTime() - lastNews > timeout) {
                    future.cancel(true);
                    if (sink != null) {
                        sink.abort();
                    }
                    String what = sink == null
                            ? "no response within " + human(settings.readTimeout())
                            : "no data for " + human(settings.readTimeout()) + " after " + sink.written() + " bytes";
                    throw new Retry(FetchFailure.NETWORK, "timed out: " + what + " from " + url);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                throw new FetchException(FetchFailure.NETWORK, "interrupted while fetching " + url, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof TooLarge tooLarge) {
                    throw new FetchException(FetchFailure.ARCHIVE, tooLarge.getMessage(), tooLarge);
                }
                if (cause instanceof ConnectException) {
                    throw new Retry(
                            FetchFailure.NETWORK,
                            "cannot connect to " + url + ": "
                                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()),
                            cause);
                }
                if (cause instanceof java.net.http.HttpTimeoutException) {
                    throw new Retry(FetchFailure.NETWORK, "timed out connecting to " + url, cause);
                }
                if (cause instanceof IOException) {
                    FileBody sink = body.get();
                    String after = sink == null ? "" : " after " + sink.written() + " bytes";
                    throw new Retry(
                            FetchFailure.NETWORK,
                            "transfer of " + url + " broke off" + after + ": " + describe(cause),
                            cause);
                }
                throw new FetchException(
                        FetchFailure.NETWORK, "fetching " + url + " failed: " + describe(cause), cause);
            }
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static @Nullable Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .filter(v -> v.trim().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                .orElse(null);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static @Nullable String readMeta(Path meta) {
        try {
            String value = Files.exists(meta)
                    ? Files.readString(meta, StandardCharsets.UTF_8).trim()
                    : "";
            return value.isEmpty() ? null : value;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the next try starts over with whatever is left, which If-Range guards
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchFailure.NETWORK, "interrupted while waiting to try again", e);
        }
    }

    /** A failure worth another try, with what the server asked for (Retry-After). */
    private static final class Retry extends Exception {
        private final FetchFailure failure;
        private final @Nullable Duration retryAfter;

        Retry(FetchFailure failure, String message, @Nullable Throwable cause, @Nullable Duration retryAfter) {
            super(message, cause);
            this.failure = failure;
            this.retryAfter = retryAfter;
        }

        Retry(FetchFailure failure, String message, @Nullable Throwable cause) {
            this(failure, message, cause, null);
        }

        Retry(FetchFailure failure, String message) {
            this(failure, message, null, null);
        }
    }

    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * The body of a 200 (written from the start) or 206 (appended to the partial file) into
     * {@code NAME.part}; any other status's body is not read. Counts bytes, refuses to grow past the
     * download limit, and notes when the server last sent something.
     */
    static final class FileBody implements HttpResponse.BodySubscriber<Long> {
        private final @Nullable FileChannel channel;
        private final long start;
        private final long limit;
        private final String name;
        private final @Nullable IOException refusal;
        private volatile long lastActivity = System.nanoTime();
        // one writer (onNext: the HTTP client delivers a body's pieces one after the other), read by the waiting thread
        private volatile long written;
        private volatile Flow.@Nullable Subscription subscription;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private FileBody(
                @Nullable FileChannel channel, long start, long limit, String name, @Nullable IOException refusal) {
            this.channel = channel;
            this.start = start;
            this.limit = limit;
            this.name = name;
            this.refusal = refusal;
        }

        static FileBody forResponse(
                HttpResponse.ResponseInfo info, Path part, Path meta, long have, long limit, String name) {
            int status = info.statusCode();
            if (status != 200 && status != 206) {
                return new FileBody(null, 0, limit, name, null);
            }
            try {
                long start = 0;
                if (status == 206) {
                    Matcher range = CONTENT_RANGE.matcher(
                            info.headers().firstValue("Content-Range").orElse(""));
                    if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                        return new FileBody(
                                null,
                                0,
                                limit,
                                name,
                                new IOException("the server sent a range of " + name + " that does not continue the "
                                        + have + " bytes already here"));
                    }
                    start = have;
                }
                long announced = status == 206
                        ? contentRangeTotal(info.headers())
                        : info.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (announced > limit) {
                    return new FileBody(
                            null,
                            0,
                            limit,
                            name,
                            new TooLarge(name + " is " + announced
                                    + " bytes, more than severity.ingest.fetch.max-download-size (" + limit
                                    + " bytes)"));
                }
                if (status == 200) {
                    // a validator that makes a later Range request safe: a strong ETag, else Last-Modified
                    String validator = info.headers()
                            .firstValue("ETag")
                            .filter(e -> !e.startsWith("W/"))
                            .or(() -> info.headers().firstValue("Last-Modified"))
                            .orElse("");
                    Files.writeString(meta, validator, StandardCharsets.UTF_8);
                }
                FileChannel channel = status == 206
                        ? FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : FileChannel.open(
                                part,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING);
                return new FileBody(channel, start, limit, name, null);
            } catch (IOException e) {
                return new FileBody(null, 0, limit, name, e);
            }
        }

        private static long contentRangeTotal(HttpHeaders headers) {
            Matcher range =
                    CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
            return range.matches() && !range.group(3).equals("*") ? Long.parseLong(range.group(3)) : -1;
        }

        long lastActivity() {
            return lastActivity;
        }

        long written() {
            return written;
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            lastActivity = System.nanoTime();
            if (refusal != null) {
                value.cancel();
                done.completeExceptionally(refusal);
            } else if (channel == null) {
                value.cancel(); // an error status: its body is of no use
                done.complete(null);
            } else {
                value.request(1);
            }
        }

        @Override
        @SuppressWarnings("NonAtomicVolatileUpdate") // `written` has this one writer
        public void onNext(List<ByteBuffer> buffers) {
            lastActivity = System.nanoTime();
            try {
                for (ByteBuffer buffer : buffers) {
                    long n = buffer.remaining();
                    if (start + written + n > limit) {
                        throw new TooLarge(
                                name + " grew past severity.ingest.fetch.max-download-size (" + limit + " bytes)");
                    }
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    written += n;
                }
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                close();
                done.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable error) {
            close();
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            close();
            done.complete(null);
        }

        /** Called by the timeout: stop taking bytes, keep what arrived for the next try. */
        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            close();
            done.completeExceptionally(new IOException("aborted"));
        }

        private void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing more to write
                }
            }
        }

        @Override
        public java.util.concurrent.CompletionStage<Long> getBody() {
            return done.thenApply(v -> written);
        }
    }
}
