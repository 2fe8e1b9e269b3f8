package aero.severity.ingest.sample;

/**
 * What to generate: {@code events} events with their child rows (100 for a unit test, ~90,000 for an
 * avall-size benchmark), reproducibly from {@code seed}.
 */
public record SampleOptions(int events, long seed, Breakage breakage) {

    public SampleOptions {
        if (events < 1 || events > 2_000_000) {
            throw new IllegalArgumentException("events must be 1-2,000,000, was " + events);
        }
    }

    public static SampleOptions of(int events) {
        return new SampleOptions(events, 42L, Breakage.NONE);
    }

    public SampleOptions withSeed(long value) {
        return new SampleOptions(events, value, breakage);
    }

    public SampleOptions broken(Breakage value) {
        return new SampleOptions(events, seed, value);
    }
}
