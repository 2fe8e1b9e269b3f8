package aero.severity.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /predict/batch} with {@code batchSize} flights each (the same hit/miss mix per flight
 * as {@link PredictSimulation}); {@code rate} is batches per second, so flights/s is rate x batchSize.
 */
public class BatchPredictSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties(".data/bench/tokens-enterprise.txt");
    private final List<String> tokens = settings.bearerTokens();
    private final SampleFlights flights = new SampleFlights();

    private ScenarioBuilder batch(String prefix) {
        return scenario(prefix + "predict batch")
                .feed(Stream.generate(() -> Map.<String, Object>of(
                                "token", tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())),
                                "body", flights.batch(settings.batchSize(), settings.hitRatio())))
                        .iterator())
                .exec(http(prefix + "predict batch")
                        .post("/api/v1/predict/batch")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("#{body}"))
                        .check(
                                status().is(200),
                                jsonPath("$.predictions[*]").count().is(settings.batchSize())));
    }

    @Override
    public void before() {
        HotSetWarmer.warm(settings.baseUrl(), tokens.get(0), flights.hot());
    }

    {
        setUp(settings.population(this::batch))
                .protocols(settings.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }
}
