-- Indexes for the api's queries and the ml training query (see the PostgreSQL twin). H2 has no
-- INCLUDE columns: the list view uses the plain (ev_date, ev_id) index there.

CREATE SPATIAL INDEX events_location_gist ON events (location);

CREATE INDEX events_ev_date_idx ON events (ev_date);
CREATE INDEX events_state_date_idx ON events (ev_state, ev_date);
CREATE INDEX events_injury_date_idx ON events (ev_highest_injury, ev_date);
CREATE INDEX events_list_covering_idx ON events (ev_date DESC, ev_id DESC);

CREATE INDEX aircraft_phase_idx ON aircraft (phase_flt_spec);
CREATE INDEX dt_flight_crew_col_idx ON dt_flight_crew (col_name, ev_id);
