package aero.severity.api.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import aero.severity.domain.Severity;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.State;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The aggregates, in SQL both PostgreSQL and H2 understand, cached for {@code severity.analytics.cache-ttl}. */
@Component
class SeverityStatistics {

    enum Grouping {
        YEAR("year", "event"),
        STATE("state", "event"),
        PHASE("phaseOfFlight", "aircraft");

        final String label;
        final String counted;

        Grouping(String label, String counted) {
            this.label = label;
            this.counted = counted;
        }
    }

    record Query(
            Grouping grouping,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable State state) {}

    private final JdbcClient jdbc;
    private final Cache<Query, SeverityBreakdown> cache;

    SeverityStatistics(JdbcClient jdbc, AnalyticsProperties properties) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(10_000)
                .build();
    }

    SeverityBreakdown breakdown(Query query) {
        return cache.get(query, this::compute);
    }

    private SeverityBreakdown compute(Query query) {
        String group = switch (query.grouping()) {
            case YEAR -> "EXTRACT(YEAR FROM e.ev_date)";
            case STATE -> "e.ev_state";
            case PHASE -> "a.phase_flt_spec";
        };
        String from = query.grouping() == Grouping.PHASE ? "events e JOIN aircraft a ON a.ev_id = e.ev_id" : "events e";
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new java.util.HashMap<>();
        if (query.grouping() == Grouping.YEAR) {
            where.add("e.ev_date IS NOT NULL");
        }
        if (query.from() != null) {
            where.add("e.ev_date >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("e.ev_date <= :to");
            params.put("to", query.to());
        }
        if (query.state() != null) {
            where.add("e.ev_state = :state");
            params.put("state", query.state().code());
        }
        String sql = "SELECT " + group + " AS grp, e.ev_highest_injury AS injury, count(*) AS n FROM " + from + where
                + " GROUP BY " + group + ", e.ev_highest_injury";

        // group -> counts by severity ordinal, index 4 = unknown; sorted by group
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            String key = groupLabel(query.grouping(), rs.getObject("grp"));
            long[] row = counts.computeIfAbsent(key, k -> new long[5]);
            row[severityIndex(rs.getString("injury"))] += rs.getLong("n");
        });
        List<SeverityCounts> groups = new ArrayList<>();
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        if (query.grouping() == Grouping.PHASE) {
            entries.sort(Map.Entry.comparingByKey(phaseOrder()));
        }
        for (Map.Entry<String, long[]> entry : entries) {
            long[] c = entry.getValue();
            groups.add(SeverityCounts.of(entry.getKey(), c[0], c[1], c[2], c[3], c[4]));
        }
        return new SeverityBreakdown(
                query.grouping().label,
                query.grouping().counted,
                query.from(),
                query.to(),
                query.state() == null ? null : query.state().code(),
                groups);
    }

    private static String groupLabel(Grouping grouping, @Nullable Object value) {
        if (value == null) {
            return "UNKNOWN";
        }
        return switch (grouping) {
            case YEAR -> Integer.toString(((Number) value).intValue());
            case STATE -> value.toString();
            case PHASE ->
                FlightPhase.ofSpecificCode(((Number) value).intValue())
                        .map(FlightPhase::code)
                        .orElse("UNKNOWN");
        };
    }

    /** Phases in flight order (standing, taxi, takeoff ... landing), unknown last. */
    private static java.util.Comparator<String> phaseOrder() {
        Map<String, Integer> order = new java.util.HashMap<>();
        FlightPhase[] inFlightOrder = FlightPhase.values(); // declared in flight order
        for (int i = 0; i < inFlightOrder.length; i++) {
            order.put(inFlightOrder[i].code(), i);
        }
        return java.util.Comparator.comparingInt(code -> order.getOrDefault(code, Integer.MAX_VALUE));
    }

    private static final Map<String, Integer> SEVERITY_INDEX;

    static {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (Severity severity : Severity.values()) {
            index.put(severity.code(), severity.index());
        }
        SEVERITY_INDEX = Map.copyOf(index);
    }

    private static int severityIndex(@Nullable String code) {
        Integer index = code == null ? null : SEVERITY_INDEX.get(code.strip());
        return index == null ? 4 : index;
    }
}
