-- docker-compose.yml runs this once on an empty database volume (scripts/services.sh does the same
-- in its bootstrap): the statement statistics that prometheus/postgres-exporter/queries.yaml reads.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
