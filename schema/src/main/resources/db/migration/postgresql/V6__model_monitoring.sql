-- What `ml monitor` found: one row per run and period (a month 'YYYY-MM', or 'cumulative' for every
-- labelled event since the model's window), scoring the model on labelled events it never saw (event
-- date after its validation years). The validation_* columns are the model's own figures from its
-- training, repeated on each row so that one row compares live with validation. Metrics a period
-- cannot define (an AUC with one class present) are NULL. The api reads the newest cumulative row.
CREATE TABLE model_monitoring (
    run_id varchar(36) NOT NULL,
    run_at timestamp with time zone NOT NULL,
    model_name text NOT NULL,
    model_version text NOT NULL,
    period varchar(10) NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    events integer NOT NULL,
    fatal_events integer NOT NULL,
    macro_f1 double precision,
    roc_auc_macro double precision,
    roc_auc_fatal double precision,
    brier double precision,
    ece double precision,
    validation_events integer,
    validation_macro_f1 double precision,
    validation_roc_auc_fatal double precision,
    validation_brier double precision,
    validation_ece double precision,
    CONSTRAINT model_monitoring_pk PRIMARY KEY (run_id, period)
);
CREATE INDEX model_monitoring_latest_idx ON model_monitoring (period, run_at);
