package aero.severity.api.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * The {@code type} of each problem this api reports. URNs on purpose: they name the problem kind
 * stably without promising a documentation page at that address (RFC 9457 section 3.1.1).
 */
public final class ProblemTypes {

    public static final URI VALIDATION = of("validation-error");
    public static final URI MALFORMED = of("malformed-request");
    public static final URI TOO_LARGE = of("payload-too-large");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI INVALID_CLIENT = of("invalid-client");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI NO_MODEL = of("no-model-loaded");
    public static final URI MODEL_REFRESH = of("model-refresh-failed");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI CONFLICT = of("conflict");
    public static final URI DATABASE_UNAVAILABLE = of("database-unavailable");
    public static final URI INTERNAL = of("internal-error");
    public static final URI EXPLANATION_UNAVAILABLE = of("explanation-unavailable");

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
