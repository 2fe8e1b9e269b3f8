package aero.severity.ingest.sample;

/**
 * What to generate: {@code events} events with their child rows (100 for a unit test, ~90,000 for an
 * avall-size benchmark), reproducibly from {@code seed}, dated in {@code fromYear..toYear} (the
 * volume per year keeps its usual decline inside that range), optionally {@link Shift shifted}.
 */
public record SampleOptions(int events, long seed, Breakage breakage, int fromYear, int toYear, Shift shift) {

    /** The years the generator covers when none are asked for. */
    public static final int FIRST_YEAR = 1982;

    public static final int LAST_YEAR = 2025;

    public SampleOptions {
        if (events < 1 || events > 2_000_000) {
            throw new IllegalArgumentException("events must be 1-2,000,000, was " + events);
        }
        if (fromYear < FIRST_YEAR || toYear > LAST_YEAR || fromYear > toYear) {
            throw new IllegalArgumentException("years must lie in " + FIRST_YEAR + "-" + LAST_YEAR
                    + ", first <= last; was " + fromYear + "-" + toYear);
        }
    }

    public SampleOptions(int events, long seed, Breakage breakage) {
        this(events, seed, breakage, FIRST_YEAR, LAST_YEAR, Shift.NONE);
    }

    public static SampleOptions of(int events) {
        return new SampleOptions(events, 42L, Breakage.NONE);
    }

    public SampleOptions withSeed(long value) {
        return new SampleOptions(events, value, breakage, fromYear, toYear, shift);
    }

    public SampleOptions broken(Breakage value) {
        return new SampleOptions(events, seed, value, fromYear, toYear, shift);
    }

    public SampleOptions years(int first, int last) {
        return new SampleOptions(events, seed, breakage, first, last, shift);
    }

    public SampleOptions shifted(Shift value) {
        return new SampleOptions(events, seed, breakage, fromYear, toYear, value);
    }
}
