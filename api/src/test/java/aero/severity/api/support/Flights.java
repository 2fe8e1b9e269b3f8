package aero.severity.api.support;

import java.util.ArrayList;
import java.util.List;

/** Test data: plausible flights, as objects and as the JSON clients send. */
public final class Flights {

    private Flights() {}

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
}
