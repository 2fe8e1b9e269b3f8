package aero.severity.api.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.sql.DataSource;

import aero.severity.domain.code.FlightPhase;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL over ingest's {@code events} and {@code aircraft} tables. Coordinates always come
 * from {@code events.location} (which ingest derives from the decimal or the DDMMSS columns).
 */
@Repository
class EventRepository {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final JdbcClient jdbc;
    private final SpatialDialect dialect;
    private final String columns;

    EventRepository(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = SpatialDialect.of(connection.getMetaData().getDatabaseProductName());
        }
        this.columns = "ev_id, ntsb_no, ev_type, ev_date, ev_city, ev_state, ev_country, ev_highest_injury, "
                + dialect.latitude + " AS lat, " + dialect.longitude + " AS lon";
    }

    SpatialDialect dialect() {
        return dialect;
    }

    Optional<EventDetail> find(String evId) {
        Optional<EventDetail> event = jdbc.sql("SELECT " + columns + ", inj_tot_f, inj_tot_s, inj_tot_m, inj_tot_n,"
                        + " light_cond, wx_cond_basic FROM events WHERE ev_id = :id")
                .param("id", evId)
                .query((rs, row) -> {
                    EventSummary s = summary(rs);
                    return new EventDetail(
                            s.evId(),
                            s.ntsbNo(),
                            s.eventType(),
                            s.date(),
                            s.city(),
                            s.state(),
                            s.country(),
                            s.latitude(),
                            s.longitude(),
                            s.highestInjury(),
                            new EventDetail.Injuries(
                                    integer(rs, "inj_tot_f"),
                                    integer(rs, "inj_tot_s"),
                                    integer(rs, "inj_tot_m"),
                                    integer(rs, "inj_tot_n")),
                            rs.getString("light_cond"),
                            rs.getString("wx_cond_basic"),
                            List.of());
                })
                .optional();
        return event.map(e -> new EventDetail(
                e.evId(),
                e.ntsbNo(),
                e.eventType(),
                e.date(),
                e.city(),
                e.state(),
                e.country(),
                e.latitude(),
                e.longitude(),
                e.highestInjury(),
                e.injuries(),
                e.lightCondition(),
                e.weatherCondition(),
                aircraft(evId)));
    }

    private List<EventDetail.Aircraft> aircraft(String evId) {
        return jdbc.sql("SELECT aircraft_key, regis_no, acft_make, acft_model, acft_category, far_part, damage,"
                        + " phase_flt_spec FROM aircraft WHERE ev_id = :id ORDER BY aircraft_key")
                .param("id", evId)
                .query((rs, row) -> {
                    Integer phase = integer(rs, "phase_flt_spec");
                    return new EventDetail.Aircraft(
                            rs.getInt("aircraft_key"),
                            rs.getString("regis_no"),
                            rs.getString("acft_make"),
                            rs.getString("acft_model"),
                            rs.getString("acft_category"),
                            rs.getString("far_part"),
                            rs.getString("damage"),
                            phase,
                            phase == null
                                    ? null
                                    : FlightPhase.ofSpecificCode(phase)
                                            .map(FlightPhase::code)
                                            .orElse(null));
                })
                .list();
    }

    /** Newest first; ties broken by id so pages never overlap. */
    EventPage page(EventFilter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("SELECT count(*) FROM events" + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
        List<EventSummary> content = jdbc.sql("SELECT " + columns + " FROM events" + where.sql
                        + " ORDER BY ev_date DESC NULLS LAST, ev_id DESC LIMIT :limit OFFSET :offset")
                .params(where.params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(SUMMARY)
                .list();
        return new EventPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Events within {@code radiusKm} of a point, nearest first; {@code limit + 1} rows tell whether there are more. */
    List<NearbyEvents.NearbyEvent> near(double latitude, double longitude, double radiusKm, int limit) {
        if (dialect == SpatialDialect.POSTGIS) {
            SqlQuery query = nearQuery(latitude, longitude, radiusKm, limit);
            return jdbc.sql(query.sql())
                    .params(query.params())
                    .query((rs, row) -> new NearbyEvents.NearbyEvent(summary(rs), rs.getDouble("distance_m") / 1000))
                    .list();
        }
        // H2GIS has no geography: the spatial index narrows to a lon/lat box around the circle, the
        // great-circle distance (haversine, spherical earth) decides
        List<BoundingBox> boxes = aroundCircle(latitude, longitude, radiusKm);
        Map<String, Object> params = new java.util.HashMap<>();
        String predicate = envelopes(
                boxes,
                params,
                "location && ST_MakeEnvelope(:minLon%1$d, :minLat%1$d, :maxLon%1$d," + " :maxLat%1$d, 4326)");
        List<EventSummary> candidates = jdbc.sql("SELECT " + columns + " FROM events WHERE " + predicate)
                .params(params)
                .query(SUMMARY)
                .list();
        List<NearbyEvents.NearbyEvent> within = new ArrayList<>();
        for (EventSummary candidate : candidates) {
            double distance = haversineKm(latitude, longitude, candidate.latitude(), candidate.longitude());
            if (distance <= radiusKm) {
                within.add(new NearbyEvents.NearbyEvent(candidate, distance));
            }
        }
        within.sort(Comparator.comparingDouble(NearbyEvents.NearbyEvent::distanceKm)
                .thenComparing(e -> e.event().evId()));
        return within.subList(0, Math.min(within.size(), limit + 1));
    }

    /** PostGIS: ST_DWithin on the geography, metres on the ellipsoid, answered from the GiST index. */
    SqlQuery nearQuery(double latitude, double longitude, double radiusKm, int limit) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("lat", latitude);
        params.put("lon", longitude);
        params.put("metres", radiusKm * 1000);
        params.put("limit", limit + 1);
        return new SqlQuery(
                "SELECT " + columns + ", ST_Distance(location, point.g) AS distance_m"
                        + " FROM events, (SELECT ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography AS g) point"
                        + " WHERE ST_DWithin(location, point.g, :metres)"
                        + " ORDER BY distance_m, ev_id LIMIT :limit",
                params);
    }

    /** Events inside a lon/lat box, newest first; {@code limit + 1} rows tell whether there are more. */
    List<EventSummary> within(BoundingBox box, int limit) {
        SqlQuery query = withinQuery(box, limit);
        return jdbc.sql(query.sql()).params(query.params()).query(SUMMARY).list();
    }

    SqlQuery withinQuery(BoundingBox box, int limit) {
        Map<String, Object> params = new java.util.HashMap<>();
        String predicate;
        if (dialect == SpatialDialect.POSTGIS) {
            StringJoiner any = new StringJoiner(" OR ", "(", ")");
            int i = 0;
            for (BoundingBox part : box.parts()) {
                String exact =
                        "ST_Intersects(ST_MakeEnvelope(:minLon%1$d, :minLat%1$d, :maxLon%1$d, :maxLat%1$d, 4326),"
                                + " location::geometry)";
                bind(params, i, part);
                if (part.widthDegrees() <= 180) {
                    // the geography && uses the GiST index; its box covers the lon/lat rectangle, the exact test trims
                    // it
                    double[] cover = part.geodesicCoverLatitudes();
                    params.put("coverSouth" + i, cover[0]);
                    params.put("coverNorth" + i, cover[1]);
                    exact =
                            "(location && ST_MakeEnvelope(:minLon%1$d, :coverSouth%1$d, :maxLon%1$d, :coverNorth%1$d, 4326)"
                                    + "::geography AND " + exact + ")";
                }
                any.add(exact.formatted(i));
                i++;
            }
            predicate = any.toString();
        } else {
            predicate = envelopes(
                    box.parts(),
                    params,
                    "location && ST_MakeEnvelope(:minLon%1$d, :minLat%1$d, :maxLon%1$d," + " :maxLat%1$d, 4326)");
        }
        params.put("limit", limit + 1);
        return new SqlQuery(
                "SELECT " + columns + " FROM events WHERE location IS NOT NULL AND " + predicate
                        + " ORDER BY ev_date DESC NULLS LAST, ev_id DESC LIMIT :limit",
                params);
    }

    /** SQL with named parameters, kept as a value so tests can EXPLAIN exactly what runs. */
    record SqlQuery(String sql, Map<String, Object> params) {}

    private static String envelopes(List<BoundingBox> boxes, Map<String, Object> params, String template) {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < boxes.size(); i++) {
            bind(params, i, boxes.get(i));
            any.add(template.formatted(i));
        }
        return any.toString();
    }

    private static void bind(Map<String, Object> params, int i, BoundingBox box) {
        params.put("minLon" + i, box.minLon());
        params.put("minLat" + i, box.minLat());
        params.put("maxLon" + i, box.maxLon());
        params.put("maxLat" + i, box.maxLat());
    }

    /** Lon/lat boxes covering a circle (two when it crosses the antimeridian, all longitudes near a pole). */
    static List<BoundingBox> aroundCircle(double latitude, double longitude, double radiusKm) {
        double dLat = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
        double south = Math.max(-90, latitude - dLat);
        double north = Math.min(90, latitude + dLat);
        double widest = Math.max(Math.abs(south), Math.abs(north));
        if (widest >= 89.9) {
            return List.of(new BoundingBox(-180, south, 180, north));
        }
        // at the latitude farthest from the equator a degree of longitude is shortest
        double dLon = Math.min(180, dLat / Math.cos(Math.toRadians(widest)));
        double west = longitude - dLon;
        double east = longitude + dLon;
        if (dLon >= 180) {
            return List.of(new BoundingBox(-180, south, 180, north));
        }
        if (west < -180) {
            return List.of(new BoundingBox(west + 360, south, 180, north), new BoundingBox(-180, south, east, north));
        }
        if (east > 180) {
            return List.of(new BoundingBox(west, south, 180, north), new BoundingBox(-180, south, east - 360, north));
        }
        return List.of(new BoundingBox(west, south, east, north));
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(EventFilter filter) {
        StringJoiner conditions = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.state() != null) {
            conditions.add("ev_state = :state");
            params.put("state", filter.state().code());
        }
        if (filter.severity() != null) {
            conditions.add("ev_highest_injury = :severity");
            params.put("severity", filter.severity().code());
        }
        if (filter.from() != null) {
            conditions.add("ev_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("ev_date <= :to");
            params.put("to", filter.to());
        }
        return new Where(conditions.toString(), params);
    }

    private static final RowMapper<EventSummary> SUMMARY = (rs, row) -> summary(rs);

    private static EventSummary summary(ResultSet rs) throws SQLException {
        return new EventSummary(
                rs.getString("ev_id"),
                rs.getString("ntsb_no"),
                rs.getString("ev_type"),
                rs.getObject("ev_date", LocalDate.class),
                rs.getString("ev_city"),
                rs.getString("ev_state"),
                rs.getString("ev_country"),
                rs.getString("ev_highest_injury"),
                decimal(rs, "lat"),
                decimal(rs, "lon"));
    }

    private static @Nullable Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
