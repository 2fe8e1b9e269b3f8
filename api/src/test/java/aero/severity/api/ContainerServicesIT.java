package aero.severity.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a Docker engine exists, the same application wires itself to containers through
 * {@code @ServiceConnection}. Without an engine (our CI machines) this class is skipped and the
 * natively started services cover the same ground in the other integration tests.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        properties = {
            "management.server.port=0",
            "severity.security.jwt.secret=" + aero.severity.api.support.FullStackTest.JWT_SECRET
        })
@org.springframework.test.context.ActiveProfiles("postgres")
class ContainerServicesIT {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer POSTGIS = new PostgreSQLContainer(
            DockerImageName.parse("postgis/postgis:15-3.4").asCompatibleSubstituteFor("postgres"));

    @Container
    @ServiceConnection(name = "redis")
    static final GenericContainer<?> REDIS =
            new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void applicationTalksToPostgisAndRedisInContainers() {
        assertThat(jdbc.queryForObject("SELECT postgis_lib_version()", String.class))
                .startsWith("3.");
        redis.opsForValue().set("container-it", "ok");
        assertThat(redis.opsForValue().get("container-it")).isEqualTo("ok");
    }
}
