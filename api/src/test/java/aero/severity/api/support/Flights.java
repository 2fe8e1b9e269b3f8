package aero.severity.api.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import aero.severity.features.FeatureEncoder;

/** Test data: plausible flights, as objects and as the JSON clients send. */
public final class Flights {

    private Flights() {
    }

    /** A complete, valid request body; {@code pilotAge} varies it so callers can make distinct flights. */
    public static String json(int pilotAge) {
        return """
                {"eventDate":"2019-07-14","localHour":15,"latitude":39.8617,"longitude":-104.6731,"state":"CO",
                 "country":"USA","lightCondition":"DAYL","weatherCondition":"VMC","windSpeedKts":12,"windGustKts":20,
                 "visibilityMiles":10,"temperatureC":31,"densityAltitudeFt":8400,"aircraftCategory":"AIR","make":"Cessna",
                 "amateurBuilt":false,"engineCount":1,"engineType":"REC","maxGrossWeightLbs":2550,"aircraftYear":1978,
                 "farPart":"091","flightPurpose":"PERS","flightPhase":"TAKEOFF","pilotAge":%d,"pilotCertificate":"PRI",
                 "pilotTotalHours":420,"pilotMakeModelHours":130}""".formatted(pilotAge);
    }

    public static String json() {
        return json(54);
    }

    /** A valid flight no other call has sent: its pilot hours are random, so its cache key is new. */
    public static String unique() {
        double hours = 1000 + java.util.concurrent.ThreadLocalRandom.current().nextDouble() * 9000;
        return json(54).replace("\"pilotTotalHours\":420", "\"pilotTotalHours\":" + hours);
    }

    public static String batchJson(int size) {
        List<String> flights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            flights.add(json(20 + i % 70));
        }
        return "{\"flights\":[" + String.join(",", flights) + "]}";
    }

    /** Random but plausible training rows for fitting an encoder. */
    public static List<FlightFacts> sample(int n, long seed) {
        Random random = new Random(seed);
        List<FlightFacts> rows = new ArrayList<>();
        String[] makes = {"Cessna", "Piper", "Beech", "Bell", "Robinson", "Mooney"};
        for (int i = 0; i < n; i++) {
            rows.add(FlightFacts.on(LocalDate.of(1990 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .localHour(random.nextInt(24))
                    .location(25 + random.nextDouble() * 20, -120 + random.nextDouble() * 45)
                    .state(pick(random, State.values()))
                    .country("USA")
                    .lightCondition(pick(random, LightCondition.values()))
                    .weatherCondition(pick(random, WeatherCondition.values()))
                    .windSpeedKts(random.nextInt(30))
                    .visibilityMiles(random.nextDouble() * 10)
                    .temperatureC(random.nextInt(40) - 5)
                    .aircraftCategory(pick(random, AircraftCategory.values()))
                    .make(makes[random.nextInt(makes.length)])
                    .amateurBuilt(random.nextBoolean())
                    .engineCount(1 + random.nextInt(2))
                    .engineType(pick(random, EngineType.values()))
                    .maxGrossWeightLbs(1500 + random.nextInt(10000))
                    .aircraftYear(1950 + random.nextInt(40))
                    .farPart(pick(random, FarPart.values()))
                    .flightPurpose(pick(random, FlightPurpose.values()))
                    .flightPhase(pick(random, FlightPhase.values()))
                    .pilotAge(18 + random.nextInt(60))
                    .pilotCertificate(pick(random, PilotCertificate.values()))
                    .pilotTotalHours(50 + random.nextDouble() * 5000)
                    .pilotMakeModelHours(10 + random.nextDouble() * 40)
                    .build());
        }
        return rows;
    }

    public static FeatureEncoder encoder() {
        return FeatureEncoder.fit(sample(200, 7), 10, 2);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
