package aero.severity.api.events;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.EventRows;
import aero.severity.api.support.FreshDatabaseExtension;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The event endpoints on PostGIS: lookups, filters and paging, radius and box searches on the GiST index. */
class EventsIT extends FullStackTest {

    static boolean loaded;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRepository repository;

    String token;

    @BeforeEach
    void data() {
        token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        if (loaded) {
            return;
        }
        new EventRows(jdbc, true)
                .event("20100101X00001", LocalDate.of(2010, 1, 1), "CA", "FATL", 37.6213, -122.3790) // SFO
                .event("20110202X00002", LocalDate.of(2011, 2, 2), "CA", "NONE", 37.7126, -122.2210) // OAK, 17.23 km
                .event("20120303X00003", LocalDate.of(2012, 3, 3), "CO", "SERS", 39.8617, -104.6731) // DEN
                .event(
                        "20120404X00004",
                        LocalDate.of(2012, 4, 4),
                        "KS",
                        "FATL",
                        40.0500,
                        -90.0000) // near a wide box's edge
                .event(
                        "20090505X00005",
                        LocalDate.of(2009, 5, 5),
                        "AK",
                        "MINR",
                        52.0000,
                        179.5000) // west of the antimeridian
                .event("20090606X00006", LocalDate.of(2009, 6, 6), "AK", "NONE", 52.5000, -179.5000) // east of it
                .event("20080707X00007", LocalDate.of(2008, 7, 7), "TX", "NONE", null, null) // no coordinates
                .aircraft("20100101X00001", 1, "CESSNA", "172S", 571)
                .aircraft("20100101X00001", 2, "PIPER", "PA-28", 522)
                .aircraft("20120303X00003", 1, "BOEING", "737", null);
        loaded = true;
    }

    @Test
    void oneEventWithItsAircraftAndTheBroadPhaseOfFlight() {
        Http.Reply reply = http().get("/api/v1/events/20100101X00001", token);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode event = reply.json();
        assertThat(event.get("evId").asString()).isEqualTo("20100101X00001");
        assertThat(event.get("date").asString()).isEqualTo("2010-01-01");
        assertThat(event.get("highestInjury").asString()).isEqualTo("FATL");
        assertThat(event.get("latitude").asDouble()).isCloseTo(37.6213, within(1e-9));
        assertThat(event.get("injuries").get("fatal").asInt()).isEqualTo(1);
        assertThat(event.get("aircraft").size()).isEqualTo(2);
        assertThat(event.get("aircraft").get(0).get("make").asString()).isEqualTo("CESSNA");
        assertThat(event.get("aircraft").get(0).get("phaseCode").asInt()).isEqualTo(571);
        assertThat(event.get("aircraft").get(0).get("phaseOfFlight").asString()).isEqualTo("LANDING");
        assertThat(event.get("aircraft").get(1).get("phaseOfFlight").asString()).isEqualTo("TAKEOFF");
    }

    @Test
    void unknownEventIsA404AndAMalformedIdA400() {
        Http.Reply missing = http().get("/api/v1/events/20990101X99999", token);
        Http.Reply malformed = http().get("/api/v1/events/abc", token);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:severity:problem:not-found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("evId");
    }

    @Test
    void listFiltersByStateDatesAndSeverityNewestFirst() {
        JsonNode california = http().get("/api/v1/events?state=CA", token).json();
        JsonNode fatal = http().get("/api/v1/events?severity=FATL", token).json();
        JsonNode range = http().get("/api/v1/events?from=2011-01-01&to=2012-03-31", token)
                .json();

        assertThat(ids(california)).containsExactly("20110202X00002", "20100101X00001");
        assertThat(ids(fatal)).containsExactly("20120404X00004", "20100101X00001");
        assertThat(ids(range)).containsExactly("20120303X00003", "20110202X00002");
        assertThat(california.get("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void pagesDoNotOverlapAndCountTheWhole() {
        JsonNode first = http().get("/api/v1/events?size=3&page=0", token).json();
        JsonNode third = http().get("/api/v1/events?size=3&page=2", token).json();

        assertThat(first.get("totalElements").asLong()).isEqualTo(7);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(ids(first)).hasSize(3).doesNotContainAnyElementsOf(ids(third));
        assertThat(ids(third)).containsExactly("20080707X00007");
    }

    @Test
    void badListParametersAreNamed() {
        assertThat(field(http().get("/api/v1/events?size=500", token))).isEqualTo("size");
        assertThat(field(http().get("/api/v1/events?page=-1", token))).isEqualTo("page");
        assertThat(field(http().get("/api/v1/events?state=XX", token))).isEqualTo("state");
        assertThat(field(http().get("/api/v1/events?severity=DEAD", token))).isEqualTo("severity");
        assertThat(field(http().get("/api/v1/events?from=2012-02-30", token))).isEqualTo("from");
        assertThat(field(http().get("/api/v1/events?from=2012-01-01&to=2011-01-01", token)))
                .isEqualTo("from");
    }

    @Test
    void nearFindsEventsWithinTheRadiusNearestFirstWithGeodesicDistances() {
        JsonNode near = http().get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=20", token)
                .json();
        JsonNode tight = http().get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=17", token)
                .json();

        assertThat(ids(near.get("events"))).containsExactly("20100101X00001", "20110202X00002");
        assertThat(near.get("events").get(0).get("distanceKm").asDouble()).isCloseTo(0, within(1e-6));
        assertThat(near.get("events").get(1).get("distanceKm").asDouble()).isBetween(17.20, 17.27);
        assertThat(near.get("truncated").asBoolean()).isFalse();
        assertThat(ids(tight.get("events"))).containsExactly("20100101X00001");
    }

    @Test
    void nearAcrossTheAntimeridian() {
        JsonNode near = http().get("/api/v1/events/near?lat=52.2&lon=179.9&radiusKm=100", token)
                .json();

        assertThat(ids(near.get("events"))).containsExactlyInAnyOrder("20090505X00005", "20090606X00006");
    }

    @Test
    void nearTellsWhenTheLimitCutTheAnswer() {
        JsonNode near = http().get("/api/v1/events/near?lat=37.6213&lon=-122.3790&radiusKm=20&limit=1", token)
                .json();

        assertThat(near.get("events").size()).isEqualTo(1);
        assertThat(near.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void badNearParametersAreNamed() {
        assertThat(field(http().get("/api/v1/events/near?lat=91&lon=0&radiusKm=5", token)))
                .isEqualTo("lat");
        assertThat(field(http().get("/api/v1/events/near?lat=0&lon=-181&radiusKm=5", token)))
                .isEqualTo("lon");
        assertThat(field(http().get("/api/v1/events/near?lat=0&lon=0&radiusKm=501", token)))
                .isEqualTo("radiusKm");
        assertThat(field(http().get("/api/v1/events/near?lat=0&lon=0&radiusKm=0", token)))
                .isEqualTo("radiusKm");
        assertThat(field(http().get("/api/v1/events/near?lat=0&radiusKm=5", token)))
                .isEqualTo("lon");
        assertThat(field(http().get("/api/v1/events/near?lat=north&lon=0&radiusKm=5", token)))
                .isEqualTo("lat");
    }

    @Test
    void withinAnswersAGeoJsonFeatureCollection() {
        Http.Reply reply = http().get("/api/v1/events/within?bbox=-123,37,-122,38", token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValue("application/geo+json");
        JsonNode collection = reply.json();
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("numberReturned").asInt()).isEqualTo(2);
        JsonNode feature = collection.get("features").get(1);
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("id").asString()).isEqualTo("20100101X00001");
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(-122.3790, within(1e-9));
        assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(37.6213, within(1e-9));
        assertThat(feature.get("properties").get("highestInjury").asString()).isEqualTo("FATL");
    }

    @Test
    void withinIsTheLonLatRectangleEvenWhereGreatCirclesBulge() {
        // the box's southern edge is latitude 40; as a great circle from -170 to -10 it would pass far north of
        // 40.05 at lon -90, and a plain geography && with the box misses the event
        JsonNode wide =
                http().get("/api/v1/events/within?bbox=-170,40,-10,45", token).json();

        assertThat(featureIds(wide)).containsExactly("20120404X00004");
    }

    @Test
    void withinAcrossTheAntimeridian() {
        JsonNode across =
                http().get("/api/v1/events/within?bbox=179,51,-179,53", token).json();

        assertThat(featureIds(across)).containsExactlyInAnyOrder("20090505X00005", "20090606X00006");
    }

    @Test
    void badBoxesAreNamed() {
        for (String bbox : new String[] {"1,2,3", "a,b,c,d", "-123,38,-122,37", "-190,0,0,10", "0,-91,1,1"}) {
            Http.Reply reply = http().get("/api/v1/events/within?bbox=" + bbox, token);
            assertThat(reply.status()).as(bbox).isEqualTo(400);
            assertThat(field(reply)).as(bbox).isEqualTo("bbox");
        }
    }

    @Test
    void radiusAndBoxQueriesAreAnsweredFromTheGistIndex() throws Exception {
        EventRepository.SqlQuery near = repository.nearQuery(37.6, -122.4, 25, 100);
        EventRepository.SqlQuery box = repository.withinQuery(BoundingBox.parse("-123,37,-122,38"), 100);
        var database = FreshDatabaseExtension.current();

        try (SingleConnectionDataSource single =
                new SingleConnectionDataSource(database.jdbcUrl(), database.user(), database.password(), true)) {
            Connection connection = single.getConnection();
            connection.createStatement().execute("SET enable_seqscan = off");
            JdbcClient explain = JdbcClient.create(single);
            assertThat(plan(explain, near)).contains("events_location_gist");
            assertThat(plan(explain, box)).contains("events_location_gist");
        }
    }

    private static String plan(JdbcClient explain, EventRepository.SqlQuery query) {
        return String.join(
                "\n",
                explain.sql("EXPLAIN " + query.sql())
                        .params(query.params())
                        .query(String.class)
                        .list());
    }

    private static List<String> ids(JsonNode page) {
        JsonNode list = page.has("content") ? page.get("content") : page;
        return list.valueStream().map(e -> e.get("evId").asString()).toList();
    }

    private static List<String> featureIds(JsonNode collection) {
        return collection
                .get("features")
                .valueStream()
                .map(f -> f.get("id").asString())
                .toList();
    }

    private static String field(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().get("errors").get(0).get("field").asString();
    }
}
