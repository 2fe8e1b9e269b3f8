package aero.severity.ingest.fetch;

import org.jspecify.annotations.Nullable;

/** The HTTP validators of a fetched archive, sent back as {@code If-None-Match} / {@code If-Modified-Since}. */
record Validators(@Nullable String etag, @Nullable String lastModified) {

    boolean any() {
        return etag != null || lastModified != null;
    }
}
