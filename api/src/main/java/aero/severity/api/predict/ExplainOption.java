package aero.severity.api.predict;

import aero.severity.api.web.InvalidInputException;

/**
 * What a prediction request asks to be explained ({@code ?explain=true&explainTop=N}).
 *
 * @param enabled whether the answer carries an {@code explanation}
 * @param top     how many fields each class lists by magnitude, the rest summed as {@code other}; 0 = all
 */
record ExplainOption(boolean enabled, int top) {

    static final ExplainOption NONE = new ExplainOption(false, 0);
    static final int DEFAULT_TOP = 5;

    /**
     * Strictly {@code true} or {@code false}: Spring's own boolean conversion would also take {@code on},
     * {@code yes} and {@code 1}, which the documented boolean does not allow.
     */
    static ExplainOption of(String explain, int top) {
        if (top < 0) {
            throw new InvalidInputException("explainTop", "must be 0 (every field) or more, got " + top);
        }
        return switch (explain) {
            case "true" -> new ExplainOption(true, top);
            case "false" -> NONE;
            default -> throw new InvalidInputException("explain", "must be true or false, got '" + explain + "'");
        };
    }

    /** The cache key's suffix: an explained answer, and how much of it, is its own entry. */
    String cacheSuffix() {
        return enabled ? ":explain-top-" + top : "";
    }
}
