package aero.severity.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One FREE client (100 requests/h) offered more than its hour's worth: answers are 200 until the
 * bucket is empty, then 429, and every answer carries the RateLimit headers (429s also Retry-After).
 * A final request must be refused with Retry-After and nothing remaining. Needs {@code rate x seconds}
 * above the tier limit (defaults: 20/s for 10 s).
 */
public class RateLimitSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties(".data/bench/tokens-free.txt");
    private final String token = settings.bearerTokens().get(0);
    private final String flight = new SampleFlights().hotOne();

    private final ScenarioBuilder overTheLimit = scenario("free tier")
            .exec(http("predict (free tier)")
                    .post("/api/v1/predict")
                    .body(StringBody(flight))
                    .check(
                            status().in(200, 429),
                            header("RateLimit-Limit").is("100"),
                            header("RateLimit-Remaining").exists(),
                            header("RateLimit-Reset").exists())
                    .checkIf((response, session) -> response.status().code() == 429)
                    .then(header("Retry-After").exists()));

    private final ScenarioBuilder refused = scenario("refused")
            .exec(http("refused with Retry-After")
                    .post("/api/v1/predict")
                    .body(StringBody(flight))
                    .check(
                            status().is(429),
                            header("Retry-After").exists(),
                            header("RateLimit-Remaining").is("0")));

    {
        setUp(overTheLimit.injectOpen(settings.injection()).andThen(refused.injectOpen(atOnceUsers(1))))
                .protocols(settings.protocol().header("Authorization", "Bearer " + token))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("refused with Retry-After")
                                .successfulRequests()
                                .count()
                                .is(1L));
    }
}
