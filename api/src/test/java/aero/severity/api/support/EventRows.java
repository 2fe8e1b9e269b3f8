package aero.severity.api.support;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes events and aircraft into ingest's tables the way ingest does (trimmed codes, location from
 * the decimal coordinates), in PostgreSQL or H2. Test data the project makes up, not NTSB rows.
 */
public final class EventRows {

    private final JdbcClient jdbc;
    private final boolean postgis;

    public EventRows(JdbcClient jdbc, boolean postgis) {
        this.jdbc = jdbc;
        this.postgis = postgis;
    }

    public EventRows event(
            String evId, LocalDate date, String state, String highestInjury, Double latitude, Double longitude) {
        String point = latitude == null
                ? "NULL"
                : postgis
                        ? "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography"
                        : "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)";
        var statement = jdbc.sql("INSERT INTO events (ev_id, ntsb_no, ev_type, ev_date, ev_city, ev_state, ev_country,"
                        + " ev_year, ev_month, ev_highest_injury, inj_tot_f, inj_tot_s, inj_tot_m, inj_tot_n, light_cond,"
                        + " wx_cond_basic, dec_latitude, dec_longitude, location) VALUES (:id, :ntsb, 'ACC', :date, 'SOMEWHERE',"
                        + " :state, 'USA', :year, :month, :injury, :f, 0, 0, 2, 'DAYL', 'VMC', :lat, :lon, " + point
                        + ")")
                .param("id", evId)
                .param("ntsb", "T" + evId.substring(8))
                .param("date", date)
                .param("state", state)
                .param("year", date.getYear())
                .param("month", date.getMonthValue())
                .param("injury", highestInjury)
                .param("f", "FATL".equals(highestInjury) ? 1 : 0);
        statement
                .param("lat", latitude, java.sql.Types.DOUBLE)
                .param("lon", longitude, java.sql.Types.DOUBLE)
                .update();
        return this;
    }

    public EventRows aircraft(String evId, int key, String make, String model, Integer phaseCode) {
        jdbc.sql(
                        "INSERT INTO aircraft (ev_id, aircraft_key, regis_no, acft_make, acft_model, acft_category, far_part,"
                                + " damage, phase_flt_spec) VALUES (:id, :key, 'N12345', :make, :model, 'AIR', '091', 'SUBS', :phase)")
                .param("id", evId)
                .param("key", key)
                .param("make", make)
                .param("model", model)
                .param("phase", phaseCode, java.sql.Types.INTEGER)
                .update();
        return this;
    }
}
