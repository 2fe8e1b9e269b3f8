package aero.severity.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.gatling.javaapi.core.OpenInjectionStep;

/**
 * What a load run is told on its command line (system properties, so {@code scripts/bench.sh} and
 * {@code mvn gatling:test -D...} drive the same simulations):
 * {@code baseUrl}, {@code rate} (requests/s offered) or {@code rates} (stepped, comma separated,
 * {@code seconds} each), {@code seconds}, {@code hitRatio} (share of predictions the cache knows),
 * {@code tokens} (file with one bearer token per line), {@code batchSize}.
 */
record LoadSettings(String baseUrl, List<Double> rates, int seconds, double hitRatio, Path tokens, int batchSize) {

    static LoadSettings fromSystemProperties(String defaultTokens) {
        String rates = System.getProperty("rates", System.getProperty("rate", "100"));
        return new LoadSettings(
                System.getProperty("baseUrl", "http://127.0.0.1:28080"),
                Arrays.stream(rates.split(",")).map(String::trim).map(Double::parseDouble).toList(),
                Integer.parseInt(System.getProperty("seconds", "30")),
                Double.parseDouble(System.getProperty("hitRatio", "0.9")),
                Path.of(System.getProperty("tokens", defaultTokens)),
                Integer.parseInt(System.getProperty("batchSize", "10")));
    }

    /** Open model: users arrive at the offered rate whatever the api's latency, one request each. */
    OpenInjectionStep[] injection() {
        return rates.stream().map(rate -> constantUsersPerSec(rate).during(seconds)).toArray(OpenInjectionStep[]::new);
    }

    List<String> bearerTokens() {
        try {
            List<String> lines = Files.readAllLines(tokens).stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException(tokens + " holds no tokens (scripts/bench.sh api writes it)");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bearer tokens from " + tokens, e);
        }
    }
}
