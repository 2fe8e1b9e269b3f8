package aero.severity.api.ratelimit;

import aero.severity.api.SeverityApiApplication;
import aero.severity.api.auth.ClientCredentials;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client buckets by tier, held in Redis: a second instance of the api (its own Spring context,
 * its own port, the same Redis and database) draws from the same bucket.
 */
@TestPropertySource(
        properties = {
            "severity.rate-limit.tiers.FREE=5",
            "severity.rate-limit.tiers.PRO=7",
            "severity.rate-limit.tiers.ENTERPRISE=1000"
        })
class RateLimitIT extends FullStackTest {

    static ConfigurableApplicationContext secondInstance;

    @BeforeAll
    static void startSecondInstance() {
        // as command-line arguments: they must win over application.yml, like the test's own properties
        secondInstance = new SpringApplicationBuilder(SeverityApiApplication.class)
                .run(sameApiArguments(
                        "--severity.rate-limit.tiers.FREE=5",
                        "--severity.rate-limit.tiers.PRO=7",
                        "--severity.rate-limit.tiers.ENTERPRISE=1000"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    Http other() {
        return Http.on(
                ((WebServerApplicationContext) secondInstance).getWebServer().getPort());
    }

    @Test
    void everyResponseCarriesTheLimitWhatRemainsAndWhenItIsFullAgain() {
        String token = token(ClientRole.ANALYST, Tier.FREE);

        Http.Reply reply = http().postJson("/api/v1/predict", token, Flights.json());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.longHeader("RateLimit-Limit")).isEqualTo(5);
        assertThat(reply.longHeader("RateLimit-Remaining")).isEqualTo(4);
        // one token refills every 3600 / 5 = 720 s
        assertThat(reply.longHeader("RateLimit-Reset")).isBetween(715L, 720L);
        assertThat(reply.header("RateLimit-Policy")).hasValue("5;w=3600");
    }

    @Test
    void theLimitHoldsAcrossTwoInstancesSharingRedis() {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.FREE);
        String token = tokenFor(client);
        Http[] instances = {http(), other()};

        for (int i = 0; i < 5; i++) {
            Http.Reply reply = instances[i % 2].postJson("/api/v1/predict", token, Flights.json());
            assertThat(reply.status()).as("request %d: %s", i + 1, reply).isEqualTo(200);
            assertThat(reply.longHeader("RateLimit-Remaining")).isEqualTo(4 - i);
        }
        Http.Reply refusedHere = http().postJson("/api/v1/predict", token, Flights.json());
        Http.Reply refusedThere = other().postJson("/api/v1/predict", token, Flights.json());

        for (Http.Reply refused : new Http.Reply[] {refusedHere, refusedThere}) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:severity:problem:rate-limited");
            assertThat(refused.json().get("tier").asString()).isEqualTo("FREE");
            assertThat(refused.longHeader("Retry-After")).isBetween(700L, 720L);
            assertThat(refused.longHeader("RateLimit-Remaining")).isZero();
        }
        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern("severity_ratelimit_rejections_total\\{[^}]*tier=\"free\"[^}]*} [1-9]");
    }

    @Test
    void eachClientHasItsOwnBucketAndTierSetsItsSize() {
        String free = token(ClientRole.ANALYST, Tier.FREE);
        String pro = token(ClientRole.ANALYST, Tier.PRO);
        for (int i = 0; i < 5; i++) {
            http().get("/api/v1/models/current", free);
        }

        Http.Reply freeExhausted = http().get("/api/v1/models/current", free);
        Http.Reply proFine = http().get("/api/v1/models/current", pro);

        assertThat(freeExhausted.status()).isEqualTo(429);
        assertThat(proFine.status()).isEqualTo(200);
        assertThat(proFine.longHeader("RateLimit-Limit")).isEqualTo(7);
    }

    @Test
    void aBatchCostsOneRequestPerFlight() {
        String pro = token(ClientRole.ANALYST, Tier.PRO);

        Http.Reply five = http().postJson("/api/v1/predict/batch", pro, Flights.batchJson(5));
        Http.Reply three = http().postJson("/api/v1/predict/batch", pro, Flights.batchJson(3));

        assertThat(five.status()).isEqualTo(200);
        assertThat(five.longHeader("RateLimit-Remaining")).isEqualTo(2);
        assertThat(three.status()).isEqualTo(429);
        assertThat(three.json().get("detail").asString()).contains("needs 2");
    }

    @Test
    void theTokenEndpointIsNotChargedToAnyBucket() {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.FREE);
        for (int i = 0; i < 7; i++) {
            tokenFor(client);
        }

        Http.Reply reply = http().get("/api/v1/models/current", tokenFor(client));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.longHeader("RateLimit-Remaining")).isEqualTo(4);
    }
}
