package aero.severity.ingest.fetch;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * What a download ended in. {@code Arrived}: the whole archive is at {@code file}, {@code sha256} and
 * {@code size} of exactly those bytes, with the server's validators for the next conditional request.
 */
sealed interface Download {

    record Arrived(
            Path file,
            String sha256,
            long size,
            @Nullable String etag,
            @Nullable String lastModified) implements Download {}

    /** 304: the server says it is the same as what was fetched before. */
    record NotModified() implements Download {}

    /** 404 for an update derived from the date: not out yet, or no longer online. */
    record NotPublished(int status) implements Download {}
}
