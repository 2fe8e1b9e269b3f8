package aero.severity.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /predict} with real JWTs of many enterprise clients (each request picks one at random,
 * so every request is authenticated and rate-checked against its own client's bucket), a share
 * {@code hitRatio} of cache hits (the warmed hot set) and the rest misses that run the champion model.
 * Assertions (the run report, not a unit test): no failures; p99 of the measured requests (the
 * warm-up left out) within {@code p99Ms} (default 25).
 */
public class PredictSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties(".data/bench/tokens-enterprise.txt");
    private final List<String> tokens = settings.bearerTokens();
    private final SampleFlights flights = new SampleFlights();

    private ScenarioBuilder predict(String prefix) {
        return scenario(prefix + "predict")
                .feed(Stream.generate(() -> Map.<String, Object>of(
                                "token", tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())),
                                "body", flights.pick(settings.hitRatio())))
                        .iterator())
                .exec(http(prefix + "predict")
                        .post("/api/v1/predict")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("#{body}"))
                        .check(
                                status().is(200),
                                substring("\"severity\":\"").exists(),
                                header("RateLimit-Remaining").exists()));
    }

    @Override
    public void before() {
        HotSetWarmer.warm(settings.baseUrl(), tokens.get(0), flights.hot());
    }

    {
        setUp(settings.population(this::predict))
                .protocols(settings.protocol())
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("predict")
                                .responseTime()
                                .percentile(99.0)
                                .lte(Integer.parseInt(System.getProperty("p99Ms", "25"))));
    }
}
