package aero.severity.api.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * The {@code type} of each problem this api reports. URNs on purpose: they name the problem kind
 * stably without promising a documentation page at that address (RFC 9457 section 3.1.1).
 */
final class ProblemTypes {

    static final URI VALIDATION = of("validation-error");
    static final URI MALFORMED = of("malformed-request");
    static final URI TOO_LARGE = of("payload-too-large");
    static final URI UNAUTHORIZED = of("unauthorized");
    static final URI INVALID_CLIENT = of("invalid-client");
    static final URI FORBIDDEN = of("forbidden");
    static final URI RATE_LIMITED = of("rate-limited");
    static final URI NO_MODEL = of("no-model-loaded");
    static final URI MODEL_REFRESH = of("model-refresh-failed");
    static final URI NOT_FOUND = of("not-found");
    static final URI CONFLICT = of("conflict");
    static final URI DATABASE_UNAVAILABLE = of("database-unavailable");
    static final URI INTERNAL = of("internal-error");

    private ProblemTypes() {}

    /** For answers Spring or Tomcat produce themselves (405, 406, 415, ...): the status, as a problem type. */
    static URI forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return of(
                known == null
                        ? "http-" + status
                        : known.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static URI of(String name) {
        return URI.create("urn:severity:problem:" + name);
    }
}
