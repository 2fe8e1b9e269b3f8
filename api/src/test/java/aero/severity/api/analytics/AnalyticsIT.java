package aero.severity.api.analytics;

import java.time.LocalDate;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.EventRows;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Severity counts by year, state and phase of flight, straight from the event tables. */
class AnalyticsIT extends FullStackTest {

    static boolean loaded;

    @Autowired
    JdbcClient jdbc;

    String token;

    @BeforeEach
    void data() {
        token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        if (loaded) {
            return;
        }
        new EventRows(jdbc, true)
                .event("20100101X00001", LocalDate.of(2010, 1, 1), "CA", "FATL", 37.6, -122.4)
                .event("20100202X00002", LocalDate.of(2010, 2, 2), "CA", "NONE", 37.7, -122.2)
                .event("20100303X00003", LocalDate.of(2010, 3, 3), "CO", "NONE", 39.9, -104.7)
                .event("20110404X00004", LocalDate.of(2011, 4, 4), "CO", "SERS", 40.0, -105.0)
                .event("20110505X00005", LocalDate.of(2011, 5, 5), "AK", "FATL", 61.2, -149.9)
                .event("20110606X00006", LocalDate.of(2011, 6, 6), "AK", null, 61.3, -149.8)
                .aircraft("20100101X00001", 1, "CESSNA", "172", 571)
                .aircraft("20100101X00001", 2, "PIPER", "PA-28", 522)
                .aircraft("20100202X00002", 1, "CESSNA", "150", 575)
                .aircraft("20110505X00005", 1, "PIPER", "PA-18", 522)
                .aircraft("20110606X00006", 1, "BELL", "206", null);
        loaded = true;
    }

    @Test
    void severityByYearCountsEveryClassUnknownAndTheFatalShare() {
        JsonNode breakdown = get("/api/v1/analytics/severity-by-year");

        assertThat(breakdown.get("groupBy").asString()).isEqualTo("year");
        assertThat(breakdown.get("counted").asString()).isEqualTo("event");
        JsonNode y2010 = breakdown.get("groups").get(0);
        JsonNode y2011 = breakdown.get("groups").get(1);
        assertThat(y2010.get("group").asString()).isEqualTo("2010");
        assertThat(counts(y2010)).containsExactly(1L, 0L, 0L, 2L, 0L, 3L);
        assertThat(y2010.get("fatalShare").asDouble()).isEqualTo(1.0 / 3);
        assertThat(counts(y2011)).containsExactly(1L, 1L, 0L, 0L, 1L, 3L);
        assertThat(y2011.get("fatalShare").asDouble()).isEqualTo(0.5);
    }

    @Test
    void severityByYearForOneStateAndPeriod() {
        JsonNode breakdown = get("/api/v1/analytics/severity-by-year?state=CA&from=2010-01-15&to=2010-12-31");

        assertThat(breakdown.get("groups").size()).isEqualTo(1);
        assertThat(counts(breakdown.get("groups").get(0))).containsExactly(0L, 0L, 0L, 1L, 0L, 1L);
    }

    @Test
    void severityByState() {
        JsonNode groups = get("/api/v1/analytics/severity-by-state").get("groups");

        assertThat(groups.valueStream().map(g -> g.get("group").asString())).containsExactly("AK", "CA", "CO");
        assertThat(counts(groups.get(2))).containsExactly(0L, 1L, 0L, 1L, 0L, 2L);
    }

    @Test
    void severityByPhaseOfFlightCountsAircraftInFlightOrder() {
        JsonNode breakdown = get("/api/v1/analytics/severity-by-phase");

        assertThat(breakdown.get("counted").asString()).isEqualTo("aircraft");
        JsonNode groups = breakdown.get("groups");
        assertThat(groups.valueStream().map(g -> g.get("group").asString()))
                .containsExactly("TAKEOFF", "LANDING", "UNKNOWN");
        assertThat(counts(groups.get(0))).containsExactly(2L, 0L, 0L, 0L, 0L, 2L);
        assertThat(counts(groups.get(1))).containsExactly(1L, 0L, 0L, 1L, 0L, 2L);
    }

    @Test
    void reversedPeriodIsA400NamingFrom() {
        Http.Reply reply = http().get("/api/v1/analytics/severity-by-state?from=2012-01-01&to=2010-01-01", token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    private JsonNode get(String path) {
        Http.Reply reply = http().get(path, token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static java.util.List<Long> counts(JsonNode group) {
        return java.util.stream.Stream.of("FATL", "SERS", "MINR", "NONE", "unknown", "total")
                .map(k -> group.get(k).asLong())
                .toList();
    }
}
