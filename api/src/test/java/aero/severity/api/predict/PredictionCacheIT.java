package aero.severity.api.predict;

import java.util.List;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.RealModels;
import aero.severity.api.support.RegisteredModelExtension;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.testing.RealServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The prediction cache lives in the real Redis, keyed by model version, with the configured TTL. */
class PredictionCacheIT extends FullStackTest {

    @Test
    void answersAreCachedInRedisUnderTheModelVersionWithAnHourToLive() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);

        http().postJson("/api/v1/predict", analyst, Flights.unique());

        String runId = RegisteredModelExtension.firstChampion().runId();
        List<String> keys =
                redisKeys("severity:prediction:" + RegisteredModelExtension.modelName() + ":1:" + runId + ":*");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0))
                .matches("severity:prediction:api-predictioncacheit-[0-9a-f]{8}:1:[0-9a-f]{32}:[A-Za-z0-9_-]{43}");
        assertThat(pttl(keys.get(0))).isBetween(3_590_000L, 3_600_000L);
    }

    @Test
    void aNewModelVersionNeverAnswersFromTheOldVersionsEntries() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        String admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
        String flight = Flights.unique();
        http().postJson("/api/v1/predict", analyst, flight);
        JsonNode before = http().postJson("/api/v1/predict", analyst, flight).json();

        RealModels.register(RegisteredModelExtension.registry(), RealModels.other(), ModelRegistry.CHAMPION);
        assertThat(http().postJson("/api/v1/models/reload", admin, "").status()).isEqualTo(200);
        JsonNode afterSwap = http().postJson("/api/v1/predict", analyst, flight).json();
        JsonNode again = http().postJson("/api/v1/predict", analyst, flight).json();

        assertThat(before.get("cached").asBoolean()).isTrue();
        assertThat(afterSwap.get("cached").asBoolean()).isFalse();
        assertThat(afterSwap.get("model").get("version").asString()).isEqualTo("2");
        assertThat(afterSwap.get("probabilities")).isNotEqualTo(before.get("probabilities"));
        assertThat(again.get("cached").asBoolean()).isTrue();
        assertThat(again.get("model").get("version").asString()).isEqualTo("2");
    }

    @Test
    void aFlightAskedAgainIsAnsweredFromTheReplicasMemoryWithoutRedis() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        String flight = Flights.unique();
        http().postJson("/api/v1/predict", analyst, flight);
        JsonNode fromRedis = http().postJson("/api/v1/predict", analyst, flight).json();
        String pattern = "severity:prediction:" + RegisteredModelExtension.modelName() + ":*";
        double nearHitsBefore = metric("severity_cache_near_hits_total");

        deleteRedisKeys(pattern);
        JsonNode near = http().postJson("/api/v1/predict", analyst, flight).json();

        assertThat(fromRedis.get("cached").asBoolean()).isTrue();
        assertThat(near.get("cached").asBoolean()).isTrue();
        assertThat(near.get("probabilities")).isEqualTo(fromRedis.get("probabilities"));
        assertThat(metric("severity_cache_near_hits_total")).isEqualTo(nearHitsBefore + 1);
        assertThat(redisKeys(pattern)).as("a near hit writes nothing back").isEmpty();
    }

    @Test
    void hitsAndMissesAreCounted() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        String flight = Flights.unique();

        http().postJson("/api/v1/predict", analyst, flight);
        http().postJson("/api/v1/predict", analyst, flight);

        String metrics = management().get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("severity_cache_requests_total\\{[^}]*result=\"hit\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("severity_cache_requests_total\\{[^}]*result=\"miss\"[^}]*} [1-9]");
    }

    private static List<String> redisKeys(String pattern) {
        RedisClient client = RedisClient.create(RealServices.get().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(pattern);
        } finally {
            client.shutdown();
        }
    }

    private static void deleteRedisKeys(String pattern) {
        RedisClient client = RedisClient.create(RealServices.get().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(pattern);
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    private static long pttl(String key) {
        RedisClient client = RedisClient.create(RealServices.get().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pttl(key);
        } finally {
            client.shutdown();
        }
    }
}
