package aero.severity.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What a load run is told on its command line (system properties, so {@code scripts/bench.sh} and
 * {@code mvn gatling:test -D...} drive the same simulations):
 * {@code baseUrl}, {@code rate} (requests/s offered) or {@code rates} (stepped, comma separated,
 * {@code seconds} each), {@code seconds}, {@code hitRatio} (share of predictions the cache knows),
 * {@code tokens} (file with one bearer token per line), {@code batchSize}, {@code warmUpSeconds}.
 */
record LoadSettings(
        String baseUrl,
        List<Double> rates,
        int seconds,
        double hitRatio,
        Path tokens,
        int batchSize,
        int warmUpSeconds) {

    /** Prefix of the warm-up's scenario and request names; the run report and assertions leave them out. */
    static final String WARM_UP = "warm-up ";

    static LoadSettings fromSystemProperties(String defaultTokens) {
        String rates = System.getProperty("rates", System.getProperty("rate", "100"));
        return new LoadSettings(
                System.getProperty("baseUrl", "http://127.0.0.1:28080"),
                Arrays.stream(rates.split(","))
                        .map(String::trim)
                        .map(Double::parseDouble)
                        .toList(),
                Integer.parseInt(System.getProperty("seconds", "30")),
                Double.parseDouble(System.getProperty("hitRatio", "0.9")),
                Path.of(System.getProperty("tokens", defaultTokens)),
                Integer.parseInt(System.getProperty("batchSize", "10")),
                Integer.parseInt(System.getProperty("warmUpSeconds", "10")));
    }

    /**
     * The measured load, preceded in the same JVM by a warm-up: a ramp to the first rate over
     * {@code warmUpSeconds} under names prefixed {@link #WARM_UP}. Gatling's own first seconds are
     * interpreted code opening connections; measured cold, they took the api's cores and made the first
     * 5 s of a 30 s run (p50 0.3-0.9 s, against 1-2 ms afterwards) the whole p99. The warm-up warms the
     * load generator and its shared connection pool, not the api (bench.sh runs the api's warm-up first).
     *
     * @param scenario builds the scenario with every scenario and request name prefixed by its argument
     */
    PopulationBuilder population(Function<String, ScenarioBuilder> scenario) {
        PopulationBuilder measured = scenario.apply("").injectOpen(injection());
        if (warmUpSeconds <= 0) {
            return measured;
        }
        double first = rates.get(0);
        return scenario.apply(WARM_UP)
                .injectOpen(rampUsersPerSec(first / 10).to(first).during(warmUpSeconds))
                .andThen(measured);
    }

    /**
     * Keep-alive connections shared by all virtual users, as a pool of real clients would have; JSON
     * both ways. No HTTP caching and no warm-up request to gatling.io: neither is part of the load, and
     * both cost the load generator CPU on the same cores as the api.
     */
    HttpProtocolBuilder protocol() {
        return http.baseUrl(baseUrl)
                .shareConnections()
                .disableCaching()
                .disableWarmUp()
                .contentTypeHeader("application/json")
                .acceptHeader("application/json");
    }

    /** Open model: users arrive at the offered rate whatever the api's latency, one request each. */
    OpenInjectionStep[] injection() {
        return rates.stream()
                .map(rate -> constantUsersPerSec(rate).during(seconds))
                .toArray(OpenInjectionStep[]::new);
    }

    List<String> bearerTokens() {
        try {
            List<String> lines = Files.readAllLines(tokens).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty())
                    .toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException(tokens + " holds no tokens (scripts/bench.sh api writes it)");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bearer tokens from " + tokens, e);
        }
    }
}
