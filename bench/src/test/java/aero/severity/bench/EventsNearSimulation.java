package aero.severity.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code GET /events/near} (PostGIS radius search through the GiST index) around random points of the
 * contiguous US with a 50 km radius, plus {@code GET /events/{evId}} of the first event found.
 */
public class EventsNearSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties(".data/bench/tokens-enterprise.txt");
    private final List<String> tokens = settings.bearerTokens();

    private ScenarioBuilder near(String prefix) {
        return scenario(prefix + "events near")
                .feed(Stream.generate(() -> {
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            return Map.<String, Object>of(
                                    "token", tokens.get(random.nextInt(tokens.size())),
                                    "lat", String.format(Locale.ROOT, "%.4f", 25 + random.nextDouble() * 24),
                                    "lon", String.format(Locale.ROOT, "%.4f", -124 + random.nextDouble() * 57));
                        })
                        .iterator())
                .exec(http(prefix + "events near")
                        .get("/api/v1/events/near?lat=#{lat}&lon=#{lon}&radiusKm=50&limit=20")
                        .header("Authorization", "Bearer #{token}")
                        .check(
                                status().is(200),
                                jsonPath("$.events[0].evId").optional().saveAs("evId")))
                .doIf(session -> session.contains("evId"))
                .then(exec(http(prefix + "event by id")
                        .get("/api/v1/events/#{evId}")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200))));
    }

    {
        setUp(settings.population(this::near))
                .protocols(settings.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    private static io.gatling.javaapi.core.ChainBuilder exec(io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return io.gatling.javaapi.core.CoreDsl.exec(request);
    }
}
