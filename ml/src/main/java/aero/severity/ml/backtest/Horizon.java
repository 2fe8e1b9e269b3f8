package aero.severity.ml.backtest;

import java.util.List;

/**
 * A band of years after a cutoff T: years T+{@code from} to T+{@code to} ({@code to} open when
 * {@link #OPEN}). The first band is the validation years, where calibration and decision weights
 * were fitted; the later ones are the future a shipped model meets.
 */
public record Horizon(String name, int from, int to) {

    public static final int OPEN = Integer.MAX_VALUE;

    public Horizon {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException(
                    "a horizon runs from year T+1 or later forwards, not " + from + "-" + to);
        }
    }

    /** Validation years 1..v, then the next two years, then everything after: 1-2, 3-4, 5+ for two validation years. */
    public static List<Horizon> after(int validationYears) {
        return List.of(
                new Horizon(span(1, validationYears), 1, validationYears),
                new Horizon(span(validationYears + 1, validationYears + 2), validationYears + 1, validationYears + 2),
                new Horizon((validationYears + 3) + "+", validationYears + 3, OPEN));
    }

    private static String span(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    /**
     * The band's prefix in metric names: {@code h1-2}, {@code h3-4}, {@code h5_plus} (MLflow allows
     * letters, digits, {@code _ - . / :} and spaces in a metric name, not {@code +}).
     */
    public String metricPrefix() {
        return "h" + name.replace("+", "_plus");
    }

    public boolean isValidation() {
        return from == 1;
    }

    public int firstYear(int cutoff) {
        return cutoff + from;
    }

    /** The last year of the band, or {@code lastYearInData} for the open band. */
    public int lastYear(int cutoff, int lastYearInData) {
        return to == OPEN ? lastYearInData : Math.min(lastYearInData, cutoff + to);
    }

    public boolean contains(int cutoff, int year) {
        return year >= cutoff + from && (to == OPEN || year <= cutoff + to);
    }
}
