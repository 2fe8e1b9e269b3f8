package aero.severity.api;

import java.time.Duration;
import java.util.UUID;

import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServicesExtension.class)
class RedisRoundTripIT {

    @Test
    void lettuceWritesReadsAndExpiresKeysOnTheRealServer(RealServices services) {
        RedisClient client = RedisClient.create(services.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String key = "it:" + UUID.randomUUID();

            assertThat(redis.set(key, "FATL", SetArgs.Builder.px(Duration.ofMinutes(1))))
                    .isEqualTo("OK");
            assertThat(redis.get(key)).isEqualTo("FATL");
            assertThat(redis.pttl(key)).isBetween(1L, 60_000L);
            assertThat(redis.incr(key + ":n")).isEqualTo(1L);
            assertThat(redis.incr(key + ":n")).isEqualTo(2L);
            assertThat(redis.del(key, key + ":n")).isEqualTo(2L);
            assertThat(redis.get(key)).isNull();
        } finally {
            client.shutdown();
        }
    }
}
