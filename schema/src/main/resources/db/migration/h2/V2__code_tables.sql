-- NTSB code tables as avall ships them. Codes are stored trimmed (the Access file pads them:
-- 'ct_states           '). No foreign keys point here: real rows use codes these tables lack
-- (ocean and foreign "states", retired pre-2008 codes), and a lookup miss must never drop an event.

-- The general code table: one row per (code table, code), e.g. ('ct_light_cond', 'NDRK', 'Night/Dark').
CREATE TABLE ct_iaids (
    ct_name varchar(30) NOT NULL,
    code_iaids varchar(10) NOT NULL,
    meaning varchar,
    seq smallint,
    ntsb_type varchar(1),
    ntsb_code varchar(2),
    avn_code varchar(5),
    ntsb_codes_more varchar(20),
    not_for_ntsb_use boolean,
    eadms_use boolean,
    notes varchar,
    CONSTRAINT ct_iaids_pk PRIMARY KEY (ct_name, code_iaids)
);

-- Meanings of the pre-2008 occurrence / sequence-of-events codes (numeric text, kept as text).
CREATE TABLE ct_seqevt (
    code varchar(5) NOT NULL,
    meaning varchar,
    CONSTRAINT ct_seqevt_pk PRIMARY KEY (code)
);

CREATE TABLE states (
    state varchar(2) NOT NULL,
    name varchar,
    faa_region varchar(2),
    CONSTRAINT states_pk PRIMARY KEY (state)
);

-- avall's "Country" table.
CREATE TABLE country (
    country_code varchar(4) NOT NULL,
    country_name varchar,
    CONSTRAINT country_pk PRIMARY KEY (country_code)
);
