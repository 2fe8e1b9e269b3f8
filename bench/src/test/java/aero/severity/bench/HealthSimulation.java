package aero.severity.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The smallest open-model load run: liveness on the management port. It proves the Gatling
 * toolchain works end to end; the prediction simulations live beside it.
 */
public class HealthSimulation extends Simulation {

    private final HttpProtocolBuilder management =
            http.baseUrl(System.getProperty("managementUrl", "http://127.0.0.1:8081"));

    private final ScenarioBuilder liveness = scenario("liveness")
            .exec(http("liveness").get("/actuator/health/liveness").check(status().is(200)));

    {
        setUp(liveness.injectOpen(constantUsersPerSec(Double.parseDouble(System.getProperty("rate", "50")))
                        .during(Integer.parseInt(System.getProperty("seconds", "10")))))
                .protocols(management)
                .assertions(global().failedRequests().count().is(0L));
    }
}
