# shellcheck shell=bash
# Sourced by backup.sh, restore.sh and health_check.sh: turns the application's JDBC settings
# (SEVERITY_DB_URL, SEVERITY_DB_USER, SEVERITY_DB_PASSWORD) into libpq's PG* variables, so the
# PostgreSQL tools reach the same database as the app. The password travels in PGPASSWORD (the
# environment of the child processes), never on a command line.

# jdbc:postgresql://host[:port]/database[?params]  ->  exports PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
use_jdbc_url() { # jdbc-url [user] [password]
  local url="$1" rest hostport
  case "$url" in
    jdbc:postgresql://*) rest="${url#jdbc:postgresql://}" ;;
    postgresql://*|postgres://*) rest="${url#*://}" ;;
    *) echo "not a PostgreSQL JDBC URL: '$url' (expected jdbc:postgresql://host:port/database)" >&2; return 2 ;;
  esac
  rest="${rest%%\?*}"
  hostport="${rest%%/*}"
  PGDATABASE="${rest#*/}"
  if [ "$PGDATABASE" = "$rest" ] || [ -z "$PGDATABASE" ]; then
    echo "no database name in '$url'" >&2; return 2
  fi
  PGHOST="${hostport%%:*}"
  if [ "$hostport" != "$PGHOST" ]; then PGPORT="${hostport##*:}"; else PGPORT=5432; fi
  PGUSER="${2:-${SEVERITY_DB_USER:-severity}}"
  PGPASSWORD="${3:-${SEVERITY_DB_PASSWORD:-}}"
  export PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-5}" PGAPPNAME="${PGAPPNAME:-severity-ops}"
}

# One line per user table, sorted: schema.table|rows|md5 of all rows in a collation-independent
# order ("-" instead of the md5 with checksums off). Run inside the caller's transaction (psql
# reads it from stdin and runs the generated statements with \gexec).
table_manifest_sql() { # [1|0 checksums]
  local digest="coalesce(md5(string_agg(t::text, E''\n'' ORDER BY t::text COLLATE \"C\")), ''empty'')"
  [ "${1:-1}" = "1" ] || digest="''-''"
  cat <<SQL
SELECT format(
  'SELECT %L || ''|'' || count(*) || ''|'' || $digest FROM %I.%I t',
  n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'topology', 'tiger', 'tiger_data')
  AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
  AND NOT (n.nspname = 'public' AND c.relname = 'spatial_ref_sys')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
\\gexec
SQL
}
