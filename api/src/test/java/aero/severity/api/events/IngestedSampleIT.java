package aero.severity.api.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.FreshDatabaseExtension;
import aero.severity.api.support.FullStackTest;
import aero.severity.ingest.cli.IngestApplication;
import aero.severity.ingest.sample.SampleAccessFile;
import aero.severity.ingest.sample.SampleOptions;
import aero.severity.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The event endpoints over what ingest really writes: a generated Access file loaded by the ingest CLI. */
class IngestedSampleIT extends FullStackTest {

    @TempDir
    static Path files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsLoadedByIngestAreServedByIdListRadiusBoxAndAnalytics() throws Exception {
        Path sample = files.resolve("sample.mdb");
        SampleAccessFile.write(sample, SampleOptions.of(1_500).withSeed(7));
        FreshDatabase database = FreshDatabaseExtension.current();
        int exit = IngestApplication.run(
                "import",
                sample.toString(),
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password());
        assertThat(exit).isZero();
        assertThat(Files.size(sample)).isPositive();

        long events = jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();
        Map<String, Object> located = jdbc.sql(
                        "SELECT ev_id, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon"
                                + " FROM events WHERE location IS NOT NULL ORDER BY ev_id LIMIT 1")
                .query()
                .singleRow();
        String evId = (String) located.get("ev_id");
        double lat = ((Number) located.get("lat")).doubleValue();
        double lon = ((Number) located.get("lon")).doubleValue();
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);

        JsonNode page = http().get("/api/v1/events?size=5", token).json();
        JsonNode event = http().get("/api/v1/events/" + evId, token).json();
        JsonNode near = http().get("/api/v1/events/near?lat=%s&lon=%s&radiusKm=1".formatted(lat, lon), token)
                .json();
        JsonNode box = http().get(
                        "/api/v1/events/within?bbox=%s,%s,%s,%s"
                                .formatted(lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01),
                        token)
                .json();
        JsonNode byYear =
                http().get("/api/v1/analytics/severity-by-year", token).json();

        assertThat(events).isGreaterThan(1_000);
        assertThat(page.get("totalElements").asLong()).isEqualTo(events);
        assertThat(event.get("evId").asString()).isEqualTo(evId);
        assertThat(event.get("aircraft").size()).isPositive();
        assertThat(near.get("events").valueStream().map(e -> e.get("evId").asString()))
                .contains(evId);
        assertThat(near.get("events").get(0).get("distanceKm").asDouble()).isCloseTo(0, within(0.001));
        assertThat(box.get("features").valueStream().map(f -> f.get("id").asString()))
                .contains(evId);
        assertThat(byYear.get("groups")
                        .valueStream()
                        .mapToLong(g -> g.get("total").asLong())
                        .sum())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM events WHERE ev_date IS NOT NULL")
                        .query(Long.class)
                        .single());
    }
}
