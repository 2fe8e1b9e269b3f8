package aero.severity.ml.dataset;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Writes events into the avall tables the way ingest stores them, for the training-set tests: the
 * facts go to their columns, and the outcome columns (damage, fire, injury counts, ev_type, the
 * injury table, findings, narratives, ...) get values that would give the answer away if the query
 * ever read them.
 */
public final class AvallRows {

    private AvallRows() {}

    public static void insert(
            Connection db, String evId, FlightFacts f, @Nullable Severity label, boolean outcomeColumnsFilled)
            throws SQLException {
        boolean fatal = label == Severity.FATL;
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO events (ev_id, ev_date, ev_time, dec_latitude, dec_longitude, ev_state, ev_country,
                    light_cond, wx_cond_basic, wind_vel_kts, gust_kts, vis_sm, wx_temp, wx_dens_alt, ev_highest_injury,
                    ev_type, inj_tot_f, inj_tot_s, inj_tot_m, inj_tot_n, inj_tot_t, ntsb_no, ev_nr_apt_id, apt_dist)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, evId);
            s.setDate(2, Date.valueOf(f.eventDate()));
            set(s, 3, f.localHour() == null ? null : f.localHour() * 100 + 15);
            set(s, 4, f.latitude());
            set(s, 5, f.longitude());
            s.setString(6, f.state() == null ? null : f.state().code());
            s.setString(7, f.country());
            s.setString(
                    8, f.lightCondition() == null ? null : f.lightCondition().code());
            s.setString(
                    9,
                    f.weatherCondition() == null ? null : f.weatherCondition().code());
            set(s, 10, f.windSpeedKts());
            set(s, 11, f.windGustKts());
            set(s, 12, f.visibilityMiles());
            set(s, 13, f.temperatureC());
            set(s, 14, f.densityAltitudeFt());
            s.setString(15, label == null ? null : label.code());
            s.setString(16, outcomeColumnsFilled ? (fatal ? "ACC" : "INC") : null);
            set(s, 17, outcomeColumnsFilled ? (fatal ? 3 : 0) : null);
            set(s, 18, outcomeColumnsFilled ? (label == Severity.SERS ? 1 : 0) : null);
            set(s, 19, outcomeColumnsFilled ? (label == Severity.MINR ? 1 : 0) : null);
            set(s, 20, outcomeColumnsFilled ? 2 : null);
            set(s, 21, outcomeColumnsFilled ? 5 : null);
            s.setString(22, outcomeColumnsFilled ? (fatal ? "ERA20FA001" : "ERA20LA001") : null);
            s.setString(23, f.nearestAirportId());
            set(s, 24, f.airportDistanceMiles());
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO aircraft (ev_id, aircraft_key, acft_category, acft_make, homebuilt, num_eng, cert_max_gr_wt,
                    acft_year, far_part, oper_sched, type_fly, phase_flt_spec, damage, acft_fire, acft_expl,
                    acft_model, regis_no, oper_name)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, evId);
            s.setString(
                    2,
                    f.aircraftCategory() == null ? null : f.aircraftCategory().code());
            s.setString(3, f.make());
            s.setString(4, f.amateurBuilt() == null ? null : f.amateurBuilt() ? "Yes" : "No");
            set(s, 5, f.engineCount());
            set(s, 6, f.maxGrossWeightLbs());
            set(s, 7, f.aircraftYear());
            s.setString(8, f.farPart() == null ? null : f.farPart().code());
            s.setString(9, f.schedule() == null ? null : f.schedule().code());
            s.setString(10, f.flightPurpose() == null ? null : f.flightPurpose().code());
            set(s, 11, f.flightPhase() == null ? null : f.flightPhase().blockCode());
            s.setString(12, outcomeColumnsFilled ? (fatal ? "DEST" : "MINR") : null);
            s.setString(13, outcomeColumnsFilled ? (fatal ? "IFLT" : "NONE") : null);
            s.setString(14, outcomeColumnsFilled ? (fatal ? "GRD" : "NONE") : null);
            s.setString(15, f.aircraftModel());
            s.setString(16, f.registrationNumber());
            s.setString(17, f.operatorName());
            s.executeUpdate();
        }
        if (f.engineType() != null) {
            int engines = f.engineCount() == null || f.engineCount() == 0 ? 1 : f.engineCount();
            for (int no = 1; no <= engines; no++) {
                update(
                        db,
                        "INSERT INTO engines (ev_id, aircraft_key, eng_no, eng_type) VALUES (?, 1, ?, ?)",
                        evId,
                        no,
                        f.engineType().code());
            }
        }
        // a passenger first, then the pilot: the query must pick the pilot, not crew_no 1
        update(
                db,
                "INSERT INTO flight_crew (ev_id, aircraft_key, crew_no, crew_category, crew_age, crew_inj_level) "
                        + "VALUES (?, 1, 1, 'KPLT', 99, ?)",
                evId,
                outcomeColumnsFilled ? "FATL" : null);
        update(
                db,
                "INSERT INTO flight_crew (ev_id, aircraft_key, crew_no, crew_category, crew_age, crew_inj_level) "
                        + "VALUES (?, 1, 2, 'PLT', ?, ?)",
                evId,
                f.pilotAge(),
                outcomeColumnsFilled ? (fatal ? "FATL" : "NONE") : null);
        if (f.pilotCertificate() != null) {
            // a lower certificate too: the query keeps the highest
            update(
                    db,
                    "INSERT INTO dt_flight_crew (ev_id, aircraft_key, crew_no, col_name, code) VALUES (?, 1, 2, 'crew_cert_code', ?)",
                    evId,
                    f.pilotCertificate().code());
            if (!f.pilotCertificate().code().equals("STU")) {
                update(
                        db,
                        "INSERT INTO dt_flight_crew (ev_id, aircraft_key, crew_no, col_name, code) VALUES (?, 1, 2, 'crew_cert_code', 'STU')",
                        evId);
            }
        }
        if (f.pilotTotalHours() != null) {
            update(
                    db,
                    "INSERT INTO flight_time (ev_id, aircraft_key, crew_no, flight_type, flight_craft, flight_hours) "
                            + "VALUES (?, 1, 2, 'TOTL', 'ALL', ?)",
                    evId,
                    f.pilotTotalHours());
            update(
                    db,
                    "INSERT INTO flight_time (ev_id, aircraft_key, crew_no, flight_type, flight_craft, flight_hours) "
                            + "VALUES (?, 1, 2, 'L90D', 'ALL', ?)",
                    evId,
                    12.0);
        }
        if (f.pilotMakeModelHours() != null) {
            update(
                    db,
                    "INSERT INTO flight_time (ev_id, aircraft_key, crew_no, flight_type, flight_craft, flight_hours) "
                            + "VALUES (?, 1, 2, 'TOTL', 'MAKE', ?)",
                    evId,
                    f.pilotMakeModelHours());
        }
        if (outcomeColumnsFilled) {
            // a second aircraft (mid-air): the query describes the event by its first aircraft only
            update(
                    db,
                    "INSERT INTO aircraft (ev_id, aircraft_key, acft_make, num_eng, damage) VALUES (?, 2, 'ZEPPELIN', 4, 'DEST')",
                    evId);
            update(
                    db,
                    "INSERT INTO injury (ev_id, aircraft_key, inj_person_category, injury_level, inj_person_count) "
                            + "VALUES (?, 1, 'PLT', ?, 1)",
                    evId,
                    label == null ? "NONE" : label.code());
            update(
                    db,
                    "INSERT INTO narratives (ev_id, aircraft_key, narr_accp, narr_cause) VALUES (?, 1, ?, ?)",
                    evId,
                    fatal ? "the airplane was destroyed and the pilot was fatally injured" : "no injuries",
                    fatal ? "loss of control" : "none");
        }
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                set(s, i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static void set(PreparedStatement s, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof Integer i) {
            s.setInt(index, i);
        } else if (value instanceof Double d) {
            s.setDouble(index, d);
        } else {
            s.setString(index, value.toString());
        }
    }
}
