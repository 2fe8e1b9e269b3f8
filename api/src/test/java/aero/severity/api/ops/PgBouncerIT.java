package aero.severity.api.ops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.EventRows;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FreshDatabaseExtension;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import aero.severity.api.support.PgBouncer;
import aero.severity.api.support.ThroughPgBouncer;
import aero.severity.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api as the chart and the compose stack run it: Hikari and Hibernate talk to the real PgBouncer
 * in transaction pooling ({@code prepareThreshold=0}), Flyway migrates over the direct connection.
 * Many concurrent requests share fewer server connections than the api holds, so a statement that
 * relied on session state (a server-side prepared statement, a session setting) would fail here.
 */
@ThroughPgBouncer
class PgBouncerIT extends FullStackTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theApiServesTokensPredictionsEventsAndAnalyticsThroughPgBouncerUnderConcurrency() throws Exception {
        new EventRows(jdbc, true)
                .event("20100101X00001", LocalDate.of(2010, 1, 1), "CA", "FATL", 37.6213, -122.3790)
                .event("20110202X00002", LocalDate.of(2011, 2, 2), "CA", "NONE", 37.7126, -122.2210)
                .aircraft("20100101X00001", 1, "CESSNA", "172S", 571);
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int kind = i % 5;
                replies.add(pool.submit(() -> switch (kind) {
                    case 0 -> http().get("/api/v1/events/20100101X00001", token).status();
                    case 1 ->
                        http().get("/api/v1/events?state=CA&page=0&size=10", token)
                                .status();
                    case 2 ->
                        http().get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=20", token)
                                .status();
                    case 3 ->
                        http().get("/api/v1/analytics/severity-by-year?state=CA", token)
                                .status();
                    default ->
                        http().postJson("/api/v1/predict", token, Flights.unique())
                                .status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get(2, TimeUnit.MINUTES));
            }
            assertThat(statuses).hasSize(400).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        Http.Reply near = http().get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=20", token);
        assertThat(near.json().get("events").size()).isEqualTo(2);
        // a fresh token reads the clients table through PgBouncer too
        assertThat(tokenFor(newClient(ClientRole.ADMIN, Tier.FREE))).isNotBlank();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .as("the api's JDBC URL")
                    .isEqualTo(PgBouncer.urlFor(FreshDatabaseExtension.current()));
        }
        assertThat(pgBouncerClientsOf(FreshDatabaseExtension.current().name()))
                .as("the api's pool is connected to PgBouncer, not to PostgreSQL directly")
                .isPositive();
    }

    /**
     * PgBouncer's own view (admin console, SHOW CLIENTS): client connections to this test's database.
     * Through psql: the console is not a PostgreSQL server and the JDBC driver's setup queries fail on it.
     */
    private static int pgBouncerClientsOf(String database) throws Exception {
        java.net.URI address = java.net.URI.create(PgBouncer.url().substring("jdbc:".length()));
        RealServices services = RealServices.get();
        ProcessBuilder psql = new ProcessBuilder(
                        "psql",
                        "-X",
                        "-A",
                        "-t",
                        "-h",
                        address.getHost(),
                        "-p",
                        String.valueOf(address.getPort()),
                        "-U",
                        services.dbUser(),
                        "-d",
                        "pgbouncer",
                        "-c",
                        "SHOW CLIENTS")
                .redirectErrorStream(true);
        psql.environment().put("PGPASSWORD", services.dbPassword());
        Process process = psql.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("psql SHOW CLIENTS: %s", output).isZero();
        System.out.println("PgBouncer SHOW CLIENTS (database " + database + "):\n" + output);
        return (int) output.lines()
                .map(line -> line.split("\\|"))
                .filter(f -> f.length > 2 && f[2].equals(database))
                .count();
    }
}
