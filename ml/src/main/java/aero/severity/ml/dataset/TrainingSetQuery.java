package aero.severity.ml.dataset;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

import aero.severity.domain.EventLocation;
import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.NtsbCodes;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.Schedule;
import aero.severity.domain.code.State;
import aero.severity.domain.code.UnknownCodeException;
import aero.severity.domain.code.WeatherCondition;
import org.jspecify.annotations.Nullable;

/**
 * The training set as one SQL query over the avall tables (PostgreSQL and H2 alike): one row per
 * event with its first aircraft (lowest {@code aircraft_key}), that aircraft's first engine, and
 * its pilot in command (the first crew member of category {@code PLT}) with age, highest
 * certificate and total and make/model hours. Only pre-outcome columns are read: the query never
 * touches {@code injury}, {@code findings}, {@code occurrences}, {@code seq_of_events},
 * {@code events_sequence}, {@code narratives} or {@code ntsb_admin}, nor the outcome columns of
 * the tables it reads ({@code damage}, fire, injury counts, {@code ev_type}, ...).
 * {@code ev_highest_injury} is read as the label only.
 */
public final class TrainingSetQuery {

    /** The tables the query reads; anything else is an outcome or administrative table. */
    public static final Set<String> TABLES =
            Set.of("events", "aircraft", "engines", "flight_crew", "flight_time", "dt_flight_crew");

    /** Certificates from highest to lowest: a pilot holding several is described by the highest. */
    static final List<String> CERTIFICATE_RANK =
            List.of("ATP", "COMM", "CFI", "PRI", "SPRT", "REC", "STU", "FORN", "MIL", "FE", "RMPT", "NONE");

    public static final String SQL = """
            SELECT e.ev_id, e.ev_date, e.ev_time, e.dec_latitude, e.dec_longitude, e.latitude, e.longitude, e.ev_state, e.ev_country,
                   e.light_cond, e.wx_cond_basic, e.wind_vel_kts, e.gust_kts, e.vis_sm, e.wx_temp, e.wx_dens_alt,
                   e.ev_nr_apt_id, e.apt_dist,
                   a.acft_category, a.acft_make, a.acft_model, a.regis_no, a.oper_name, a.homebuilt, a.num_eng, a.cert_max_gr_wt, a.acft_year, a.far_part,
                   a.oper_sched, a.type_fly, a.phase_flt_spec,
                   (SELECT g.eng_type FROM engines g
                     WHERE g.ev_id = a.ev_id AND g.aircraft_key = a.aircraft_key
                     ORDER BY g.eng_no FETCH FIRST 1 ROW ONLY) AS eng_type,
                   (SELECT COUNT(*) FROM engines g
                     WHERE g.ev_id = a.ev_id AND g.aircraft_key = a.aircraft_key) AS engine_rows,
                   p.crew_age,
                   (SELECT c.code FROM dt_flight_crew c
                     WHERE c.ev_id = p.ev_id AND c.aircraft_key = p.aircraft_key AND c.crew_no = p.crew_no
                       AND c.col_name = 'crew_cert_code'
                     ORDER BY CASE c.code %s ELSE 99 END FETCH FIRST 1 ROW ONLY) AS pilot_cert,
                   (SELECT MAX(t.flight_hours) FROM flight_time t
                     WHERE t.ev_id = p.ev_id AND t.aircraft_key = p.aircraft_key AND t.crew_no = p.crew_no
                       AND t.flight_type = 'TOTL' AND t.flight_craft = 'ALL') AS pilot_total_hours,
                   (SELECT MAX(t.flight_hours) FROM flight_time t
                     WHERE t.ev_id = p.ev_id AND t.aircraft_key = p.aircraft_key AND t.crew_no = p.crew_no
                       AND t.flight_type = 'TOTL' AND t.flight_craft = 'MAKE') AS pilot_make_model_hours,
                   e.ev_highest_injury
              FROM events e
              LEFT JOIN aircraft a
                ON a.ev_id = e.ev_id
               AND a.aircraft_key = (SELECT MIN(a2.aircraft_key) FROM aircraft a2 WHERE a2.ev_id = e.ev_id)
              LEFT JOIN flight_crew p
                ON p.ev_id = a.ev_id AND p.aircraft_key = a.aircraft_key
               AND p.crew_no = (SELECT MIN(p2.crew_no) FROM flight_crew p2
                                 WHERE p2.ev_id = a.ev_id AND p2.aircraft_key = a.aircraft_key
                                   AND p2.crew_category = 'PLT')
             WHERE e.ev_date >= ? AND e.ev_date <= ?
             ORDER BY e.ev_date, e.ev_id
            """.formatted(certificateOrder());

    private final DataSource dataSource;

    public TrainingSetQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static String certificateOrder() {
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < CERTIFICATE_RANK.size(); i++) {
            order.append("WHEN '")
                    .append(CERTIFICATE_RANK.get(i))
                    .append("' THEN ")
                    .append(i)
                    .append(' ');
        }
        return order.toString().strip();
    }

    /** Every event dated in {@code fromYear..toYear}; events without a known highest injury are dropped and counted. */
    public TrainingSet read(int fromYear, int toYear) {
        List<LabelledEvent> events = new ArrayList<>();
        int unlabelled = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setFetchSize(2_000);
                statement.setDate(1, Date.valueOf(LocalDate.of(fromYear, 1, 1)));
                statement.setDate(2, Date.valueOf(LocalDate.of(toYear, 12, 31)));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Optional<Severity> label = label(rows.getString("ev_highest_injury"));
                        if (label.isEmpty() || rows.getDate("ev_date") == null) {
                            unlabelled++;
                            continue;
                        }
                        events.add(new LabelledEvent(rows.getString("ev_id").strip(), facts(rows), label.get()));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the training set: " + e.getMessage(), e);
        }
        return new TrainingSet(events, unlabelled);
    }

    private static Optional<Severity> label(@Nullable String raw) {
        try {
            return Severity.fromNtsbCode(raw);
        } catch (UnknownCodeException e) {
            return Optional.empty();
        }
    }

    static FlightFacts facts(ResultSet r) throws SQLException {
        LocalDate date = r.getDate("ev_date").toLocalDate();
        // the decimals, else the DDMMSS text older avall events carry alone: the rule events.location has
        EventLocation where = EventLocation.of(
                decimal(r, "dec_latitude"),
                decimal(r, "dec_longitude"),
                r.getString("latitude"),
                r.getString("longitude"));
        Double lat = where == null ? null : where.latitude();
        Double lon = where == null ? null : where.longitude();
        Integer engines = integer(r, "num_eng");
        if (engines == null) {
            int engineRows = r.getInt("engine_rows");
            engines = engineRows > 0 ? engineRows : null;
        }
        Integer phaseCode = integer(r, "phase_flt_spec");
        return FlightFacts.on(date)
                .localHour(hour(integer(r, "ev_time")))
                .location(lat, lon)
                .state(NtsbCodes.parseLenient(State.class, r.getString("ev_state"))
                        .orElse(null))
                .country(country(r.getString("ev_country")))
                .lightCondition(NtsbCodes.parseLenient(LightCondition.class, r.getString("light_cond"))
                        .orElse(null))
                .weatherCondition(NtsbCodes.parseLenient(WeatherCondition.class, r.getString("wx_cond_basic"))
                        .orElse(null))
                .windSpeedKts(integer(r, "wind_vel_kts"))
                .windGustKts(integer(r, "gust_kts"))
                .visibilityMiles(decimal(r, "vis_sm"))
                .temperatureC(integer(r, "wx_temp"))
                .densityAltitudeFt(integer(r, "wx_dens_alt"))
                .aircraftCategory(NtsbCodes.parseLenient(AircraftCategory.class, r.getString("acft_category"))
                        .orElse(null))
                .make(blankToNull(r.getString("acft_make")))
                .amateurBuilt(yesNo(r.getString("homebuilt")))
                .engineCount(engines)
                .engineType(NtsbCodes.parseLenient(EngineType.class, r.getString("eng_type"))
                        .orElse(null))
                .maxGrossWeightLbs(integer(r, "cert_max_gr_wt"))
                .aircraftYear(integer(r, "acft_year"))
                .farPart(NtsbCodes.parseLenient(FarPart.class, r.getString("far_part"))
                        .orElse(null))
                .schedule(NtsbCodes.parseLenient(Schedule.class, r.getString("oper_sched"))
                        .orElse(null))
                .flightPurpose(NtsbCodes.parseLenient(FlightPurpose.class, r.getString("type_fly"))
                        .orElse(null))
                .flightPhase(
                        phaseCode == null
                                ? null
                                : FlightPhase.ofSpecificCode(phaseCode).orElse(null))
                .pilotAge(integer(r, "crew_age"))
                .pilotCertificate(NtsbCodes.parseLenient(PilotCertificate.class, r.getString("pilot_cert"))
                        .orElse(null))
                .pilotTotalHours(decimal(r, "pilot_total_hours"))
                .pilotMakeModelHours(decimal(r, "pilot_make_model_hours"))
                .aircraftModel(blankToNull(r.getString("acft_model")))
                .registrationNumber(blankToNull(r.getString("regis_no")))
                .nearestAirportId(blankToNull(r.getString("ev_nr_apt_id")))
                .airportDistanceMiles(decimal(r, "apt_dist"))
                .operatorName(blankToNull(r.getString("oper_name")))
                .build();
    }

    /** {@code ev_time} is local HHMM; 0 is how the sources write "unknown" for times, so it reads as unknown. */
    static @Nullable Integer hour(@Nullable Integer hhmm) {
        if (hhmm == null || hhmm <= 0 || hhmm > 2359 || hhmm % 100 > 59) {
            return null;
        }
        return hhmm / 100;
    }

    private static @Nullable String country(@Nullable String raw) {
        String code = NtsbCodes.normalize(raw);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    private static @Nullable Boolean yesNo(@Nullable String raw) {
        String value = NtsbCodes.normalize(raw);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "Y", "YES", "TRUE", "1" -> Boolean.TRUE;
            case "N", "NO", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static @Nullable Integer integer(ResultSet r, String column) throws SQLException {
        Object value = r.getObject(column);
        return value instanceof Number n ? Integer.valueOf((int) Math.round(n.doubleValue())) : null;
    }

    /**
     * Some columns are {@code real} (32-bit): 2.1 comes back as 2.0999999046325684. Reading it through
     * its shortest decimal form gives back the 2.1 that was written, the value a client sends.
     */
    private static @Nullable Double decimal(ResultSet r, String column) throws SQLException {
        Object value = r.getObject(column);
        if (value instanceof Float f) {
            return Double.valueOf(f.toString());
        }
        return value instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
    }
}
