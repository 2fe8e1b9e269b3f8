-- Indexes for the api's queries and the ml training query. Child tables need none of their own for
-- "rows of an event": their primary keys start with ev_id.

-- GET /events/near and /events/within: ST_DWithin / && on the geography.
CREATE INDEX events_location_gist ON events USING gist (location);

-- GET /events?from=&to= and the time-split training query.
CREATE INDEX events_ev_date_idx ON events (ev_date);
-- GET /events?state=&from=&to= and severity by state.
CREATE INDEX events_state_date_idx ON events (ev_state, ev_date);
-- GET /events?severity=&from=&to= and severity by year.
CREATE INDEX events_injury_date_idx ON events (ev_highest_injury, ev_date);

-- The paged list view (newest first, keyset or offset paging) is answered from the index alone:
-- it carries every column a list row shows.
CREATE INDEX events_list_covering_idx ON events (ev_date DESC, ev_id DESC)
    INCLUDE (ntsb_no, ev_type, ev_city, ev_state, ev_country, ev_highest_injury, dec_latitude, dec_longitude);

-- Severity by phase of flight; make (top-N) for the training set.
CREATE INDEX aircraft_phase_idx ON aircraft (phase_flt_spec);
CREATE INDEX dt_flight_crew_col_idx ON dt_flight_crew (col_name, ev_id);
