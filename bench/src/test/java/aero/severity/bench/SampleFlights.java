package aero.severity.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Request bodies for the predict scenarios. The hot set is a fixed list of flights the run warms
 * into the cache first, so picking one of them is a cache hit; a fresh flight has a random position
 * and pilot experience down to many decimals, so its encoded features (and cache key) were never
 * seen: a miss that runs the model.
 */
final class SampleFlights {

    static final int HOT_SET_SIZE = 100;

    private static final String[] STATES = {"CO", "CA", "TX", "FL", "AK", "AZ", "WA", "NY", "GA", "MI"};
    private static final String[] PHASES = {"TAKEOFF", "LANDING", "CRUISE", "APPROACH", "TAXI", "MANEUVERING"};
    private static final String[] MAKES = {"Cessna", "Piper", "Beech", "Boeing", "Cirrus", "Mooney"};

    private final List<String> hot;

    SampleFlights() {
        SplittableRandom seeded = new SplittableRandom(42);
        this.hot =
                IntStream.range(0, HOT_SET_SIZE).mapToObj(i -> flight(seeded)).toList();
    }

    List<String> hot() {
        return hot;
    }

    String hotOne() {
        return hot.get(ThreadLocalRandom.current().nextInt(hot.size()));
    }

    String fresh() {
        return flight(new SplittableRandom(ThreadLocalRandom.current().nextLong()));
    }

    String pick(double hitRatio) {
        return ThreadLocalRandom.current().nextDouble() < hitRatio ? hotOne() : fresh();
    }

    String batch(int size, double hitRatio) {
        StringBuilder body = new StringBuilder("{\"flights\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(pick(hitRatio));
        }
        return body.append("]}").toString();
    }

    private static String flight(SplittableRandom random) {
        return String.format(
                Locale.ROOT,
                """
                {"eventDate":"%d-%02d-%02d","localHour":%d,"latitude":%.6f,"longitude":%.6f,"state":"%s",\
                "lightCondition":"DAYL","weatherCondition":"%s","aircraftCategory":"AIR","make":"%s","engineCount":%d,\
                "engineType":"REC","farPart":"091","flightPurpose":"PERS","flightPhase":"%s","pilotAge":%d,\
                "pilotCertificate":"PRI","pilotTotalHours":%.3f}""",
                2015 + random.nextInt(10),
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                random.nextInt(24),
                25 + random.nextDouble() * 24,
                -124 + random.nextDouble() * 57,
                STATES[random.nextInt(STATES.length)],
                random.nextInt(5) == 0 ? "IMC" : "VMC",
                MAKES[random.nextInt(MAKES.length)],
                1 + random.nextInt(2),
                PHASES[random.nextInt(PHASES.length)],
                18 + random.nextInt(60),
                random.nextDouble() * 20_000);
    }
}
