#!/usr/bin/env bash
# Local backing services for development and tests: PostgreSQL 15 + PostGIS 3, PgBouncer
# (transaction pooling in front of that PostgreSQL), Redis 7 and an MLflow tracking server, all on
# 127.0.0.1, all state under <project>/.services/ (gitignored). And, as the group `monitoring`, the
# programs that watch them: Prometheus with the repository's rules scraping the api and the
# exporters, Alertmanager with alertmanager/alertmanager.yml, and the PostgreSQL (with
# pg_stat_statements), Redis and node exporters.
#
#   scripts/services.sh start|stop|status|env [postgres|pgbouncer|redis|mlflow|monitoring|<one> ...]
#
# Without a service name start and stop act on the four backing services (what the tests need);
# `monitoring` names prometheus, alertmanager, postgres-exporter, redis-exporter and node-exporter,
# which also work one by one. status lists all nine (its exit code: the four backing services). `eval "$(scripts/services.sh env)"` exports
# the SEVERITY_* variables that the tests and the application read.
#
# Natively (the default) the script installs what is missing itself: Debian packages through
# apt-get (as root, or through sudo when that works without a password) and MLflow from PyPI into
# a virtualenv. When a Docker engine is reachable (`docker info` succeeds) and `docker compose`
# exists it uses docker-compose.test.yml instead, with the same ports and credentials.
# SEVERITY_SERVICES_MODE=native|docker forces one or the other.
#
# Environment: SEVERITY_PG_PORT (15432), SEVERITY_REDIS_PORT (16379), SEVERITY_MLFLOW_PORT (15000),
# SEVERITY_PGBOUNCER_PORT (16432), SEVERITY_PG_WAL_ARCHIVE (a directory: PostgreSQL archives its WAL
# there, for point-in-time recovery with scripts/backup.sh --base and scripts/restore.sh --to-time;
# off when unset, since the tests' many fresh databases would fill it), SEVERITY_PROMETHEUS_PORT (19090), SEVERITY_ALERTMANAGER_PORT
# (19093), SEVERITY_PG_EXPORTER_PORT (19187), SEVERITY_REDIS_EXPORTER_PORT (19121),
# SEVERITY_NODE_EXPORTER_PORT (19100), SEVERITY_MANAGEMENT_PORT (8081: the api Prometheus scrapes),
# SEVERITY_SLACK_WEBHOOK_URL and SEVERITY_PAGERDUTY_ROUTING_KEY (Alertmanager's receivers; without
# them notifications fail and the alerts are only in Alertmanager's UI),
# SEVERITY_SERVICES_TIMEOUT (seconds to wait for MLflow to get healthy, 180).
set -euo pipefail

# MLflow pinned for the tracking server (keep docker-compose.test.yml's image tag in step).
# 3.17.2, not the newest 3.18.0: `pip install mlflow==3.18.0` fails because its pinned dependency
# mlflow-skinny==3.18.0 is not on the index (only up to 3.17.2), so 3.17.2 is the newest 3.x that
# installs. Its FastAPI/uvicorn server (default since 3.5) has host-header (DNS-rebinding) and
# CORS middleware; the defaults accept plain REST clients on 127.0.0.1/localhost (any port) and
# reject other Host headers and foreign browser Origins with 403. Checked with curl: experiments,
# runs, metrics, proxied artifacts, registered models and aliases all work. POST bodies need
# `Content-Type: application/json` (400 otherwise). The venv install takes ~40 s.
MLFLOW_VERSION="3.17.2"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SVC_DIR="$ROOT/.services"
COMPOSE_FILE="$ROOT/docker-compose.test.yml"

PG_PORT="${SEVERITY_PG_PORT:-15432}"
REDIS_PORT="${SEVERITY_REDIS_PORT:-16379}"
MLFLOW_PORT="${SEVERITY_MLFLOW_PORT:-15000}"
PGB_PORT="${SEVERITY_PGBOUNCER_PORT:-16432}"
PROM_PORT="${SEVERITY_PROMETHEUS_PORT:-19090}"
AM_PORT="${SEVERITY_ALERTMANAGER_PORT:-19093}"
PGX_PORT="${SEVERITY_PG_EXPORTER_PORT:-19187}"
RDX_PORT="${SEVERITY_REDIS_EXPORTER_PORT:-19121}"
NDX_PORT="${SEVERITY_NODE_EXPORTER_PORT:-19100}"
API_MANAGEMENT_PORT="${SEVERITY_MANAGEMENT_PORT:-8081}"
MLFLOW_TIMEOUT="${SEVERITY_SERVICES_TIMEOUT:-180}"

DB_NAME="severity"
DB_USER="severity"
DB_PASSWORD="severity"

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
PG_STATE_LOCAL="$SVC_DIR/postgres"   # where the log lives (or a link to it)
REDIS_DIR="$SVC_DIR/redis"
MLFLOW_DIR="$SVC_DIR/mlflow"
MLFLOW_VENV="$MLFLOW_DIR/venv"

ALL_SERVICES=(postgres pgbouncer redis mlflow)
MONITORING_SERVICES=(prometheus alertmanager postgres-exporter redis-exporter node-exporter)
MONITORING_DIR="$SVC_DIR/monitoring"
APT_UPDATED=0

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=lib/apt-lock.sh
. "$ROOT/scripts/lib/apt-lock.sh"

usage() {
  cat >&2 <<'EOF'
usage: scripts/services.sh start|stop|status|env [postgres|pgbouncer|redis|mlflow|monitoring ...]
       (monitoring = prometheus alertmanager postgres-exporter redis-exporter node-exporter)
EOF
  exit 2
}

is_root() { [ "$(id -u)" -eq 0 ]; }

now_ms() { date +%s%3N; }

# Prints the last lines of a service's log and fails.
fail_service() { # name logfile message
  local name="$1" logfile="$2" msg="$3"
  printf '[services] ERROR: %s: %s\n' "$name" "$msg" >&2
  printf '[services] log file: %s\n' "$logfile" >&2
  if [ -r "$logfile" ]; then
    printf -- '----- last 20 lines of %s -----\n' "$logfile" >&2
    tail -n 20 "$logfile" >&2 || true
    printf -- '-----\n' >&2
  fi
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Debian packages
# ---------------------------------------------------------------------------------------------
pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_packages() { # pkg...
  local missing=() p
  for p in "$@"; do
    pkg_installed "$p" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=()
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      die "missing Debian packages: ${missing[*]}; install them as root: apt-get install -y --no-install-recommends ${missing[*]}"
    fi
  fi
  mkdir -p "$SVC_DIR"
  local apt_log="$SVC_DIR/apt.log" t0; t0=$(now_ms)
  log "installing Debian packages: ${missing[*]} (output in $apt_log)"
  # Another apt-get holding the dpkg/apt lock is waited for, bounded (scripts/lib/apt-lock.sh).
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
  if [ "$APT_UPDATED" -eq 0 ]; then
    run_waiting_for_apt_lock "$apt_log" "${apt[@]}" update \
      || fail_service apt "$apt_log" "apt-get update failed (needed for: ${missing[*]})"
    APT_UPDATED=1
  fi
  run_waiting_for_apt_lock "$apt_log" "${apt[@]}" install -y --no-install-recommends "${missing[@]}" \
    || fail_service apt "$apt_log" "apt-get install failed for: ${missing[*]}"
  log "installed ${missing[*]} in $(( ($(now_ms) - t0) / 1000 ))s"
}

packages_for() { # service
  case "$1" in
    postgres) echo "postgresql-$PG_MAJOR postgresql-$PG_MAJOR-postgis-3" ;;
    pgbouncer) echo "pgbouncer" ;;
    redis) echo "redis-server redis-tools" ;;
    mlflow) echo "" ;;
    prometheus) echo "prometheus" ;;
    alertmanager) echo "prometheus-alertmanager" ;;
    postgres-exporter) echo "prometheus-postgres-exporter" ;;
    redis-exporter) echo "prometheus-redis-exporter" ;;
    node-exporter) echo "prometheus-node-exporter" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
# Alive = exists and is not a zombie (daemons are reparented to PID 1, which may reap them late).
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state=""
  [ -r "/proc/$1/stat" ] && state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$1/stat" 2>/dev/null)"
  [ "$state" != "Z" ]
}

# True while any member of process group $1 is alive (not a zombie).
group_alive() {
  local p
  for p in $(ps -e -o pid= -o pgid= | awk -v g="$1" '$2 == g { print $1 }'); do
    pid_alive "$p" && return 0
  done
  return 1
}

read_pidfile() { # file -> pid or empty
  local pid=""
  [ -f "$1" ] && pid="$(head -n1 "$1" 2>/dev/null | tr -dc '0-9')"
  printf '%s' "$pid"
}

# True when the process' command line contains the given word (guards against reused pids).
pid_is() { # pid word
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2"
}

http_get() { # url -> body on stdout; non-zero on failure
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 3 "$1" 2>/dev/null
  else
    python3 - "$1" <<'PY' 2>/dev/null
import sys, urllib.request
print(urllib.request.urlopen(sys.argv[1], timeout=3).read().decode(), end="")
PY
  fi
}

# True when something accepts TCP connections on 127.0.0.1:port.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Before starting a service: its port must be free, or the health probe would see someone else.
require_free_port() { # name port env-var
  if port_in_use "$2"; then
    die "$1: port 127.0.0.1:$2 is already in use by another process (not one this script started); stop it or choose another port with $3"
  fi
}

short_hash() { printf '%s' "$1" | sha256sum | cut -c1-12; }

# Waits for a TERM'd pid (or process group) to disappear, then KILLs it.
wait_gone() { # pid [group]
  local pid="$1" group="${2:-}" i
  for ((i = 0; i < 100; i++)); do
    if [ -n "$group" ]; then
      group_alive "$pid" || return 0
    else
      pid_alive "$pid" || return 0
    fi
    sleep 0.1
  done
  log "pid $pid did not stop after 10s, sending KILL"
  if [ -n "$group" ]; then kill -KILL -- "-$pid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
  sleep 0.2
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL + PostGIS
# ---------------------------------------------------------------------------------------------
# As root, postgres runs as the `postgres` OS user (initdb refuses root).
pg_run() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The state dir that holds data/, run/ and the log. Normally .services/postgres; as root, when the
# postgres user cannot reach the project (e.g. a clone under /root with mode 700), a folder under
# /var/tmp instead. The choice is remembered in .services/postgres/state-dir.
pg_state_dir() {
  local remembered="$PG_STATE_LOCAL/state-dir"
  if [ -f "$remembered" ]; then
    local d; d="$(cat "$remembered")"
    if [ -n "$d" ] && [ -d "$d" ]; then printf '%s' "$d"; return 0; fi
  fi
  printf '%s' "$(pg_choose_state_dir)"
}

pg_choose_state_dir() {
  if ! is_root; then printf '%s' "$PG_STATE_LOCAL"; return 0; fi
  mkdir -p "$PG_STATE_LOCAL"
  chown postgres:postgres "$PG_STATE_LOCAL"
  if runuser -u postgres -- test -w "$PG_STATE_LOCAL" -a -x "$PG_STATE_LOCAL" 2>/dev/null; then
    printf '%s' "$PG_STATE_LOCAL"
  else
    printf '%s' "/var/tmp/severity-services-$(short_hash "$ROOT")/postgres"
  fi
}

pg_data_dir() { printf '%s/data' "$(pg_state_dir)"; }
pg_log_file() { printf '%s/postgres.log' "$PG_STATE_LOCAL"; }

# Unix socket dir for the superuser's bootstrap connection (sun_path is limited to 107 bytes).
pg_socket_dir() {
  local d; d="$(pg_state_dir)/run"
  if [ "${#d}" -gt 90 ]; then d="/tmp/severity-pg-$(id -u)-$(short_hash "$ROOT")"; fi
  printf '%s' "$d"
}

pg_running() { # data dir present and postmaster alive
  local data; data="$(pg_data_dir)"
  [ -f "$data/PG_VERSION" ] || return 1
  pg_run "$PG_BIN/pg_ctl" status -D "$data" >/dev/null 2>&1
}

pg_healthy() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d "$DB_NAME" -U "$DB_USER" -t 2 >/dev/null 2>&1
}

pg_psql() { # db, then psql args; connects as superuser over the private socket
  local db="$1"; shift
  pg_run "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_socket_dir)" -p "$PG_PORT" -U postgres -d "$db" "$@"
}

pg_write_config() { # data sockdir
  local data="$1" sockdir="$2"
  local conf="$data/severity.conf"
  pg_run tee "$conf" >/dev/null <<EOF
# Written by scripts/services.sh on every start; do not edit.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sockdir'
unix_socket_permissions = 0700
max_connections = 200
shared_buffers = 256MB
password_encryption = scram-sha-256
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = -1
# for the PostgreSQL exporter's statement metrics (prometheus/postgres-exporter/queries.yaml)
shared_preload_libraries = 'pg_stat_statements'
$(pg_archive_config)
EOF
  if ! grep -q "^include_if_exists = 'severity.conf'" "$data/postgresql.conf"; then
    printf "\ninclude_if_exists = 'severity.conf'\n" | pg_run tee -a "$data/postgresql.conf" >/dev/null
  fi
  pg_run tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/services.sh. The superuser only through the private unix socket (dir 0700);
# everyone else by password over loopback TCP.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256
host    replication all 127.0.0.1/32  scram-sha-256
EOF
}

# WAL archiving when SEVERITY_PG_WAL_ARCHIVE names a directory (created for the postgres user).
pg_archive_config() {
  local archive="${SEVERITY_PG_WAL_ARCHIVE:-}"
  if [ -z "$archive" ]; then
    echo "archive_mode = off"
    return 0
  fi
  mkdir -p "$archive"
  if is_root; then chown postgres:postgres "$archive"; fi
  echo "archive_mode = on"
  echo "archive_command = 'test ! -f \"$archive/%f\" && cp \"%p\" \"$archive/%f\"'"
}

pg_init() {
  local state data sockdir log_file
  state="$(pg_state_dir)"
  data="$state/data"
  sockdir="$(pg_socket_dir)"
  log_file="$(pg_log_file)"
  mkdir -p "$PG_STATE_LOCAL" "$state" "$sockdir"
  if is_root; then
    chown postgres:postgres "$PG_STATE_LOCAL" "$state" "$sockdir"
  fi
  chmod 700 "$sockdir"
  if [ "$state" != "$PG_STATE_LOCAL" ]; then
    log "postgres: the postgres OS user cannot reach $PG_STATE_LOCAL (project path not traversable);"
    log "postgres: using $state for its data instead (log linked from $log_file)"
    chmod 755 "$(dirname "$state")" 2>/dev/null || true
    ln -sfn "$state/postgres.log" "$log_file"
  fi
  printf '%s\n' "$state" >"$PG_STATE_LOCAL/state-dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "postgres: initdb in $data"
    pg_run "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$state/initdb.log" 2>&1 \
      || fail_service postgres "$state/initdb.log" "initdb failed"
  fi
  pg_write_config "$data" "$sockdir"
}

pg_bootstrap() {
  # Role with CREATEDB (tests create databases); postgis in template1 first so that every
  # database created afterwards (severity, and the tests' own) has it.
  pg_psql postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB REPLICATION PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN CREATEDB REPLICATION PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
\connect template1
CREATE EXTENSION IF NOT EXISTS postgis;
\connect postgres
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
\connect $DB_NAME
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
GRANT pg_monitor TO $DB_USER;
SQL
}

pg_start() {
  local data log_file state
  if pg_running; then
    if pg_healthy; then log "postgres: already running on 127.0.0.1:$PG_PORT"; return 0; fi
    log "postgres: running but not answering on port $PG_PORT; restarting it"
    pg_stop
  fi
  pg_init
  state="$(pg_state_dir)"
  data="$state/data"
  log_file="$state/postgres.log"
  require_free_port postgres "$PG_PORT" SEVERITY_PG_PORT
  log "postgres: starting on 127.0.0.1:$PG_PORT"
  pg_run "$PG_BIN/pg_ctl" start -D "$data" -l "$log_file" -w -t 60 -s </dev/null >/dev/null 2>&1 9>&- \
    || fail_service postgres "$(pg_log_file)" "could not start PostgreSQL (port $PG_PORT)"
  local i
  for ((i = 0; i < 60; i++)); do
    pg_healthy && break
    sleep 0.5
  done
  pg_healthy || fail_service postgres "$(pg_log_file)" "not ready on 127.0.0.1:$PG_PORT after 30s"
  pg_bootstrap >>"$log_file" 2>&1 || fail_service postgres "$(pg_log_file)" "bootstrap SQL (role/database/postgis) failed"
  log "postgres: ready"
}

pg_stop() {
  local data; data="$(pg_data_dir)"
  if pg_running; then
    log "postgres: stopping"
    pg_run "$PG_BIN/pg_ctl" stop -D "$data" -m fast -w -t 60 -s </dev/null >/dev/null 2>&1 9>&- \
      || fail_service postgres "$(pg_log_file)" "pg_ctl stop failed"
  else
    log "postgres: not running"
  fi
}

# ---------------------------------------------------------------------------------------------
# PgBouncer (transaction pooling in front of the PostgreSQL above)
# ---------------------------------------------------------------------------------------------
# Like the cluster deployment (deploy/helm): pool_mode=transaction, so a server connection serves a
# different client after every transaction. Clients must not use server-side prepared statements
# across transactions (PostgreSQL JDBC: prepareThreshold=0). Every database of the server is
# reachable through it (the `*` entry), so tests' fresh databases work too. It runs as the
# postgres OS user when this script runs as root (pgbouncer refuses root), next to its data.
pgb_dir() { printf '%s/pgbouncer' "$(dirname "$(pg_state_dir)")"; }
pgb_pidfile() { printf '%s/pgbouncer.pid' "$(pgb_dir)"; }
pgb_log() { printf '%s/pgbouncer.log' "$(pgb_dir)"; }

pgb_pid() {
  local pid; pid="$(read_pidfile "$(pgb_pidfile)")"
  if pid_alive "$pid" && pid_is "$pid" pgbouncer; then printf '%s' "$pid"; fi
}

pgb_healthy() {
  # pg_isready counts an answer that asks for a password as up, so no credentials are needed.
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PGB_PORT" -d "$DB_NAME" -U "$DB_USER" -t 2 >/dev/null 2>&1
}

pgb_write_config() {
  local dir; dir="$(pgb_dir)"
  pg_run tee "$dir/pgbouncer.ini" >/dev/null <<EOF
; Written by scripts/services.sh on every start; do not edit.
[databases]
* = host=127.0.0.1 port=$PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 10
max_db_connections = 40
; The PostgreSQL JDBC driver sends extra_float_digits in its startup packet.
ignore_startup_parameters = extra_float_digits
server_round_robin = 0
logfile = $(pgb_log)
pidfile = $(pgb_pidfile)
admin_users = $DB_USER
EOF
  printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" | pg_run tee "$dir/userlist.txt" >/dev/null
  pg_run chmod 600 "$dir/userlist.txt"
}

pgb_start() {
  local pid; pid="$(pgb_pid)"
  if [ -n "$pid" ]; then
    if pgb_healthy; then log "pgbouncer: already running on 127.0.0.1:$PGB_PORT (pid $pid)"; return 0; fi
    log "pgbouncer: pid $pid does not answer on port $PGB_PORT; restarting it"
    pgb_stop
  fi
  if ! { pg_running && pg_healthy; }; then
    die "pgbouncer: PostgreSQL is not running on 127.0.0.1:$PG_PORT; start it first (scripts/services.sh start postgres pgbouncer)"
  fi
  local dir; dir="$(pgb_dir)"
  mkdir -p "$dir"
  if is_root; then chown postgres:postgres "$dir"; fi
  require_free_port pgbouncer "$PGB_PORT" SEVERITY_PGBOUNCER_PORT
  rm -f "$(pgb_pidfile)"
  pgb_write_config
  log "pgbouncer: starting on 127.0.0.1:$PGB_PORT (transaction pooling -> 127.0.0.1:$PG_PORT)"
  pg_run /usr/sbin/pgbouncer -d -q "$dir/pgbouncer.ini" </dev/null >>"$dir/pgbouncer.start.log" 2>&1 9>&- \
    || fail_service pgbouncer "$(pgb_log)" "pgbouncer failed to start"
  local i
  for ((i = 0; i < 100; i++)); do
    pgb_healthy && break
    sleep 0.05
  done
  pgb_healthy || fail_service pgbouncer "$(pgb_log)" "not answering on 127.0.0.1:$PGB_PORT"
  log "pgbouncer: ready (pid $(pgb_pid))"
}

pgb_stop() {
  local pid; pid="$(pgb_pid)"
  if [ -z "$pid" ]; then
    log "pgbouncer: not running"
    rm -f "$(pgb_pidfile)" 2>/dev/null || true
    return 0
  fi
  log "pgbouncer: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid"
  rm -f "$(pgb_pidfile)" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------
REDIS_PIDFILE="$REDIS_DIR/redis.pid"
REDIS_LOG="$REDIS_DIR/redis.log"

redis_pid() {
  local pid; pid="$(read_pidfile "$REDIS_PIDFILE")"
  if pid_alive "$pid" && pid_is "$pid" redis-server; then printf '%s' "$pid"; fi
}

redis_healthy() {
  [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
}

redis_start() {
  local pid; pid="$(redis_pid)"
  if [ -n "$pid" ]; then
    if redis_healthy; then log "redis: already running on 127.0.0.1:$REDIS_PORT (pid $pid)"; return 0; fi
    log "redis: pid $pid does not answer on port $REDIS_PORT; restarting it"
    redis_stop
  fi
  mkdir -p "$REDIS_DIR"
  require_free_port redis "$REDIS_PORT" SEVERITY_REDIS_PORT
  rm -f "$REDIS_PIDFILE"
  # Errors before daemonizing (bad option, ...) go to stderr: append them to the same log.
  # shellcheck disable=SC2094
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --save "" --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" \
    </dev/null >>"$REDIS_LOG" 2>&1 9>&- \
    || fail_service redis "$REDIS_LOG" "redis-server failed to start"
  local i
  for ((i = 0; i < 100; i++)); do
    redis_healthy && break
    sleep 0.05
    # Fail fast when the daemon died (port in use, ...).
    if [ "$i" -gt 20 ] && [ -z "$(redis_pid)" ]; then break; fi
  done
  redis_healthy || fail_service redis "$REDIS_LOG" "no PONG on 127.0.0.1:$REDIS_PORT"
  log "redis: ready (pid $(redis_pid))"
}

redis_stop() {
  local pid; pid="$(redis_pid)"
  if [ -z "$pid" ]; then
    log "redis: not running"
    rm -f "$REDIS_PIDFILE"
    return 0
  fi
  log "redis: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid"
  rm -f "$REDIS_PIDFILE"
}

# ---------------------------------------------------------------------------------------------
# MLflow
# ---------------------------------------------------------------------------------------------
MLFLOW_PIDFILE="$MLFLOW_DIR/mlflow.pid"
MLFLOW_LOG="$MLFLOW_DIR/mlflow.log"
MLFLOW_STAMP="$MLFLOW_VENV/.severity-stamp"

mlflow_pid() {
  local pid; pid="$(read_pidfile "$MLFLOW_PIDFILE")"
  if pid_alive "$pid" && pid_is "$pid" mlflow; then printf '%s' "$pid"; fi
}

mlflow_healthy() {
  [ "$(http_get "http://127.0.0.1:$MLFLOW_PORT/health")" = "OK" ]
}

# A python3 that can create virtualenvs (with pip); installs python3-venv when needed.
venv_python() {
  local py
  for py in "$(command -v python3 || true)" /usr/bin/python3; do
    if [ -z "$py" ] || [ ! -x "$py" ]; then continue; fi
    if "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then printf '%s' "$py"; return 0; fi
  done
  log "mlflow: python3 has no venv/ensurepip module; installing python3-venv" >&2
  ensure_packages python3 python3-venv >&2
  if /usr/bin/python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then printf '%s' /usr/bin/python3; return 0; fi
  die "mlflow: no python3 with a working venv module, even after installing python3-venv"
}

mlflow_ensure_venv() {
  local want="mlflow==$MLFLOW_VERSION"
  if [ -f "$MLFLOW_STAMP" ] && [ "$(cat "$MLFLOW_STAMP")" = "$want" ] \
     && "$MLFLOW_VENV/bin/python" -c 'pass' >/dev/null 2>&1 && [ -x "$MLFLOW_VENV/bin/mlflow" ]; then
    return 0
  fi
  local py t0; py="$(venv_python)"
  t0=$(now_ms)
  log "mlflow: creating virtualenv $MLFLOW_VENV with $want (python: $py; takes a minute or two)"
  rm -rf "$MLFLOW_VENV"
  mkdir -p "$MLFLOW_DIR"
  "$py" -m venv "$MLFLOW_VENV" >&2 || die "mlflow: python3 -m venv failed"
  PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 "$MLFLOW_VENV/bin/pip" install -q "$want" </dev/null >&2 \
    || { rm -rf "$MLFLOW_VENV"; die "mlflow: pip install $want failed"; }
  printf '%s' "$want" >"$MLFLOW_STAMP"
  log "mlflow: virtualenv ready in $(( ($(now_ms) - t0) / 1000 ))s"
}

mlflow_start() {
  local pid; pid="$(mlflow_pid)"
  if [ -n "$pid" ]; then
    if mlflow_healthy; then log "mlflow: already running on 127.0.0.1:$MLFLOW_PORT (pid $pid)"; return 0; fi
    log "mlflow: pid $pid does not answer on port $MLFLOW_PORT; restarting it"
    mlflow_stop
  fi
  mkdir -p "$MLFLOW_DIR"
  require_free_port mlflow "$MLFLOW_PORT" SEVERITY_MLFLOW_PORT
  mlflow_ensure_venv
  mkdir -p "$MLFLOW_DIR/artifacts"
  rm -f "$MLFLOW_PIDFILE"
  log "mlflow: starting on 127.0.0.1:$MLFLOW_PORT (first start migrates the database: 30-60 s)"
  local t0; t0=$(now_ms)
  # Own session/process group (setsid) so that stop can kill the server with its workers.
  # The inner shell writes its own pid (== the group id) before exec'ing mlflow.
  (
    cd "$MLFLOW_DIR"
    # No job execution: it is for MLflow's GenAI features (scorers, trace rollups), which this
    # project does not use, and it adds a job runner plus 7 huey consumer processes (~1.5 GB RSS).
    export MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false
    # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
    exec setsid bash -c 'echo "$$" >"$1"; shift; exec "$@"' _ "$MLFLOW_PIDFILE" \
      "$MLFLOW_VENV/bin/mlflow" server \
      --backend-store-uri "sqlite:///$MLFLOW_DIR/mlflow.db" \
      --serve-artifacts --artifacts-destination "$MLFLOW_DIR/artifacts" \
      --host 127.0.0.1 --port "$MLFLOW_PORT" --workers 1
  ) </dev/null >>"$MLFLOW_LOG" 2>&1 9>&- &
  local deadline=$(( $(date +%s) + MLFLOW_TIMEOUT ))
  while :; do
    if mlflow_healthy; then break; fi
    pid="$(read_pidfile "$MLFLOW_PIDFILE")"
    if [ -n "$pid" ] && ! pid_alive "$pid"; then
      fail_service mlflow "$MLFLOW_LOG" "the server exited during startup"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      fail_service mlflow "$MLFLOW_LOG" "GET /health on 127.0.0.1:$MLFLOW_PORT not OK after ${MLFLOW_TIMEOUT}s"
    fi
    sleep 0.5
  done
  log "mlflow: ready (pid $(read_pidfile "$MLFLOW_PIDFILE"), $(( ($(now_ms) - t0) / 1000 ))s)"
}

mlflow_stop() {
  local pid; pid="$(mlflow_pid)"
  if [ -z "$pid" ]; then
    log "mlflow: not running"
    rm -f "$MLFLOW_PIDFILE"
    return 0
  fi
  log "mlflow: stopping process group $pid"
  local pgid; pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
  if [ "$pgid" = "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait_gone "$pid" group
  else
    # Not a group leader (should not happen): kill it and its direct children.
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid"
  fi
  rm -f "$MLFLOW_PIDFILE"
}

# ---------------------------------------------------------------------------------------------
# Monitoring: Prometheus, Alertmanager and the exporters (Debian's packages, started natively)
# ---------------------------------------------------------------------------------------------
# Each runs in its own session (setsid) with its pid in .services/monitoring/<name>.pid and its log
# beside it. Prometheus reads the repository's rules where they are (an edit is one restart away),
# scrapes the api's management port (SEVERITY_MANAGEMENT_PORT, 8081) and the exporters with the job
# names of prometheus/prometheus.yml, so the rules and dashboards work unchanged; Alertmanager runs
# alertmanager/alertmanager.yml with its secret files written here.
mon_binary() {
  case "$1" in
    prometheus) echo /usr/bin/prometheus ;;
    alertmanager) echo /usr/bin/prometheus-alertmanager ;;
    postgres-exporter) echo /usr/bin/prometheus-postgres-exporter ;;
    redis-exporter) echo /usr/bin/prometheus-redis-exporter ;;
    node-exporter) echo /usr/bin/prometheus-node-exporter ;;
  esac
}

mon_port() {
  case "$1" in
    prometheus) echo "$PROM_PORT" ;;
    alertmanager) echo "$AM_PORT" ;;
    postgres-exporter) echo "$PGX_PORT" ;;
    redis-exporter) echo "$RDX_PORT" ;;
    node-exporter) echo "$NDX_PORT" ;;
  esac
}

mon_port_variable() {
  case "$1" in
    prometheus) echo SEVERITY_PROMETHEUS_PORT ;;
    alertmanager) echo SEVERITY_ALERTMANAGER_PORT ;;
    postgres-exporter) echo SEVERITY_PG_EXPORTER_PORT ;;
    redis-exporter) echo SEVERITY_REDIS_EXPORTER_PORT ;;
    node-exporter) echo SEVERITY_NODE_EXPORTER_PORT ;;
  esac
}

mon_pidfile() { printf '%s/%s.pid' "$MONITORING_DIR" "$1"; }
mon_log() { printf '%s/%s.log' "$MONITORING_DIR" "$1"; }

mon_pid() {
  local pid; pid="$(read_pidfile "$(mon_pidfile "$1")")"
  if pid_alive "$pid" && pid_is "$pid" "$(mon_binary "$1")"; then printf '%s' "$pid"; fi
}

mon_healthy() {
  local path=/metrics
  case "$1" in prometheus|alertmanager) path=/-/ready ;; esac
  http_get "http://127.0.0.1:$(mon_port "$1")$path" >/dev/null
}

prometheus_write_config() {
  local dir="$MONITORING_DIR/prometheus"
  mkdir -p "$dir"
  cat >"$dir/prometheus.yml" <<EOF
# Written by scripts/services.sh on every start; do not edit. The rules are the repository's.
global:
  scrape_interval: 15s
  evaluation_interval: 15s
  external_labels:
    stack: severity-native
rule_files:
  - $ROOT/prometheus/rules/*.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ["127.0.0.1:$AM_PORT"]
scrape_configs:
  - job_name: severity-api
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["127.0.0.1:$API_MANAGEMENT_PORT"]
  - job_name: postgres
    static_configs:
      - targets: ["127.0.0.1:$PGX_PORT"]
  - job_name: redis
    static_configs:
      - targets: ["127.0.0.1:$RDX_PORT"]
  - job_name: node
    static_configs:
      - targets: ["127.0.0.1:$NDX_PORT"]
  - job_name: prometheus
    static_configs:
      - targets: ["127.0.0.1:$PROM_PORT"]
EOF
}

alertmanager_write_config() {
  local dir="$MONITORING_DIR/alertmanager"
  mkdir -p "$dir/secrets"
  chmod 700 "$dir/secrets"
  # the receivers' secrets, as the chart mounts them from a Kubernetes Secret
  printf '%s\n' "${SEVERITY_SLACK_WEBHOOK_URL:-http://127.0.0.1:9/no-slack-webhook-configured}" >"$dir/secrets/slack-webhook-url"
  printf '%s\n' "${SEVERITY_PAGERDUTY_ROUTING_KEY:-no-routing-key-configured}" >"$dir/secrets/pagerduty-routing-key"
  chmod 600 "$dir/secrets/"*
  if [ -z "${SEVERITY_SLACK_WEBHOOK_URL:-}" ] || [ -z "${SEVERITY_PAGERDUTY_ROUTING_KEY:-}" ]; then
    log "alertmanager: SEVERITY_SLACK_WEBHOOK_URL / SEVERITY_PAGERDUTY_ROUTING_KEY not set: notifications will fail; alerts show at http://127.0.0.1:$AM_PORT"
  fi
  ln -sfn "$ROOT/alertmanager/templates" "$dir/templates"
  sed "s#/etc/alertmanager/secrets/severity-alerting/#$dir/secrets/#g" "$ROOT/alertmanager/alertmanager.yml" >"$dir/alertmanager.yml"
}

mon_start() { # name
  local name="$1" pid port
  pid="$(mon_pid "$name")"
  port="$(mon_port "$name")"
  if [ -n "$pid" ]; then
    if mon_healthy "$name"; then log "$name: already running on 127.0.0.1:$port (pid $pid)"; return 0; fi
    log "$name: pid $pid does not answer on port $port; restarting it"
    mon_stop "$name"
  fi
  mkdir -p "$MONITORING_DIR"
  require_free_port "$name" "$port" "$(mon_port_variable "$name")"
  local cmd=()
  case "$name" in
    prometheus)
      prometheus_write_config
      cmd=("$(mon_binary "$name")" "--config.file=$MONITORING_DIR/prometheus/prometheus.yml"
        "--storage.tsdb.path=$MONITORING_DIR/prometheus/data" "--web.listen-address=127.0.0.1:$port") ;;
    alertmanager)
      alertmanager_write_config
      cmd=("$(mon_binary "$name")" "--config.file=$MONITORING_DIR/alertmanager/alertmanager.yml"
        "--storage.path=$MONITORING_DIR/alertmanager/data" "--web.listen-address=127.0.0.1:$port"
        "--cluster.listen-address=") ;;
    postgres-exporter)
      cmd=(env "DATA_SOURCE_NAME=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME?sslmode=disable"
        "$(mon_binary "$name")" "--web.listen-address=127.0.0.1:$port"
        "--extend.query-path=$ROOT/prometheus/postgres-exporter/queries.yaml") ;;
    redis-exporter)
      cmd=("$(mon_binary "$name")" "-redis.addr=redis://127.0.0.1:$REDIS_PORT" "-web.listen-address=127.0.0.1:$port") ;;
    node-exporter)
      cmd=("$(mon_binary "$name")" "--web.listen-address=127.0.0.1:$port") ;;
  esac
  rm -f "$(mon_pidfile "$name")"
  log "$name: starting on 127.0.0.1:$port"
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
  setsid bash -c 'echo "$$" >"$1"; shift; exec "$@"' _ "$(mon_pidfile "$name")" "${cmd[@]}" \
    </dev/null >>"$(mon_log "$name")" 2>&1 9>&- &
  local i
  for ((i = 0; i < 300; i++)); do
    mon_healthy "$name" && break
    pid="$(read_pidfile "$(mon_pidfile "$name")")"
    if [ "$i" -gt 10 ] && [ -n "$pid" ] && ! pid_alive "$pid"; then
      fail_service "$name" "$(mon_log "$name")" "exited during startup"
    fi
    sleep 0.1
  done
  mon_healthy "$name" || fail_service "$name" "$(mon_log "$name")" "not answering on 127.0.0.1:$port after 30s"
  log "$name: ready (pid $(mon_pid "$name"))"
}

mon_stop() { # name
  local pid; pid="$(mon_pid "$1")"
  if [ -z "$pid" ]; then
    log "$1: not running"
    rm -f "$(mon_pidfile "$1")"
    return 0
  fi
  log "$1: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid"
  rm -f "$(mon_pidfile "$1")"
}

is_monitoring() { case "$1" in prometheus|alertmanager|postgres-exporter|redis-exporter|node-exporter) return 0 ;; esac; return 1; }

# ---------------------------------------------------------------------------------------------
# Docker compose mode
# ---------------------------------------------------------------------------------------------
use_docker() {
  case "${SEVERITY_SERVICES_MODE:-auto}" in
    native) return 1 ;;
    docker) return 0 ;;
  esac
  command -v docker >/dev/null 2>&1 || return 1
  docker info >/dev/null 2>&1 || return 1
  if ! docker compose version >/dev/null 2>&1; then
    log "a Docker engine is reachable but 'docker compose' is not; using native services"
    return 1
  fi
  return 0
}

compose() { docker compose -f "$COMPOSE_FILE" "$@"; }

compose_name() { # service -> compose service
  case "$1" in postgres) echo postgis ;; *) echo "$1" ;; esac
}

docker_cmd() { # verb services...
  local verb="$1"; shift
  local names=() s
  for s in "$@"; do names+=("$(compose_name "$s")"); done
  export SEVERITY_PG_PORT="$PG_PORT" SEVERITY_REDIS_PORT="$REDIS_PORT" SEVERITY_MLFLOW_PORT="$MLFLOW_PORT" \
    SEVERITY_PGBOUNCER_PORT="$PGB_PORT"
  case "$verb" in
    start)
      log "docker: compose up ${names[*]}"
      compose up -d --wait "${names[@]}" </dev/null || die "docker compose up failed (see: docker compose -f $COMPOSE_FILE logs)"
      print_urls "$@"
      ;;
    stop)
      if [ "$#" -eq "${#ALL_SERVICES[@]}" ]; then
        compose down </dev/null
      else
        compose stop "${names[@]}" </dev/null && compose rm -f "${names[@]}" </dev/null
      fi
      ;;
    status)
      local running rc=0
      running="$(compose ps --status running --services 2>/dev/null || true)"
      for s in "$@"; do
        if grep -qx "$(compose_name "$s")" <<<"$running"; then
          printf '%-9s running  %s (docker)\n' "$s" "$(service_url "$s")"
        else
          printf '%-9s stopped  %s (docker)\n' "$s" "$(service_url "$s")"; rc=1
        fi
      done
      return "$rc"
      ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
service_url() {
  case "$1" in
    postgres) echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME (user $DB_USER / password $DB_PASSWORD)" ;;
    pgbouncer) echo "jdbc:postgresql://127.0.0.1:$PGB_PORT/$DB_NAME?prepareThreshold=0 (transaction pooling)" ;;
    redis) echo "redis://127.0.0.1:$REDIS_PORT" ;;
    mlflow) echo "http://127.0.0.1:$MLFLOW_PORT" ;;
    prometheus) echo "http://127.0.0.1:$PROM_PORT (scrapes the api on 127.0.0.1:$API_MANAGEMENT_PORT)" ;;
    alertmanager) echo "http://127.0.0.1:$AM_PORT" ;;
    *) echo "http://127.0.0.1:$(mon_port "$1")/metrics" ;;
  esac
}

print_urls() {
  local s
  echo "Services up:"
  for s in "$@"; do printf '  %-17s %s\n' "$s" "$(service_url "$s")"; done
  echo "Use them with: eval \"\$(scripts/services.sh env)\""
}

service_running() {
  case "$1" in
    postgres) pg_running && pg_healthy ;;
    redis) [ -n "$(redis_pid)" ] && redis_healthy ;;
    pgbouncer) [ -n "$(pgb_pid)" ] && pgb_healthy ;;
    mlflow) [ -n "$(mlflow_pid)" ] && mlflow_healthy ;;
    *) [ -n "$(mon_pid "$1")" ] && mon_healthy "$1" ;;
  esac
}

# The daemons started here must not inherit the caller's descriptors: a CI runner that waits for
# EOF on a pipe would hang on a database that still holds it. Close every one above 2 (bash keeps
# the script itself on 255).
close_inherited_fds() {
  local fd
  for fd in "/proc/$$/fd/"*; do
    fd="${fd##*/}"
    [[ "$fd" =~ ^[0-9]+$ ]] || continue
    case "$fd" in 0|1|2|255) continue ;; esac
    eval "exec $fd>&-" 2>/dev/null || true
  done
}

take_lock() {
  mkdir -p "$SVC_DIR"
  exec 9>"$SVC_DIR/.lock"
  flock -w 600 9 || die "another scripts/services.sh holds $SVC_DIR/.lock"
}

cmd_start() {
  close_inherited_fds
  take_lock
  if use_docker; then
    refuse_monitoring_in_docker "$@"
    docker_cmd start "$@"; return
  fi
  local pkgs=() more=() s t0; t0=$(now_ms)
  for s in "$@"; do
    read -r -a more <<<"$(packages_for "$s")"
    pkgs+=("${more[@]}")
  done
  [ "${#pkgs[@]}" -gt 0 ] && ensure_packages "${pkgs[@]}"
  for s in "$@"; do
    case "$s" in
      postgres) pg_start ;;
      pgbouncer) pgb_start ;;
      redis) redis_start ;;
      mlflow) mlflow_start ;;
      *) mon_start "$s" ;;
    esac
  done
  log "started in $(( ($(now_ms) - t0) / 1000 )).$(( ($(now_ms) - t0) % 1000 / 100 ))s"
  print_urls "$@"
}

cmd_stop() {
  take_lock
  if use_docker; then
    refuse_monitoring_in_docker "$@"
    docker_cmd stop "$@"; return
  fi
  local s i
  # Reverse order: PgBouncer goes before the PostgreSQL behind it.
  for ((i = $#; i >= 1; i--)); do
    s="${!i}"
    case "$s" in
      postgres)
        if [ -x "$PG_BIN/pg_ctl" ]; then pg_stop; else log "postgres: not installed"; fi ;;
      pgbouncer) if [ -x "$PG_BIN/pg_ctl" ]; then pgb_stop; else log "pgbouncer: not installed"; fi ;;
      redis) redis_stop ;;
      mlflow) mlflow_stop ;;
      *) mon_stop "$s" ;;
    esac
  done
}

# docker-compose.test.yml holds the backing services only; the full docker-compose.yml runs the
# monitoring stack with the rest of the platform.
refuse_monitoring_in_docker() {
  local s
  for s in "$@"; do
    if is_monitoring "$s"; then
      die "$s: in Docker mode the monitoring stack is part of docker-compose.yml (docker compose up -d); SEVERITY_SERVICES_MODE=native runs it here"
    fi
  done
}

cmd_status() {
  if use_docker; then docker_cmd status "$@"; return; fi
  local s rc=0
  for s in "$@"; do
    if is_monitoring "$s" && [ ! -x "$(mon_binary "$s")" ]; then
      printf '%-17s stopped  %s (not installed)\n' "$s" "$(service_url "$s")"; rc=1; continue
    fi
    if [ "$s" = postgres ] && [ ! -x "$PG_BIN/pg_ctl" ]; then
      printf '%-17s stopped  %s (not installed)\n' "$s" "$(service_url "$s")"; rc=1; continue
    fi
    if [ "$s" = pgbouncer ] && [ ! -x /usr/sbin/pgbouncer ]; then
      printf '%-17s stopped  %s (not installed)\n' "$s" "$(service_url "$s")"; rc=1; continue
    fi
    if [ "$s" = redis ] && ! command -v redis-cli >/dev/null 2>&1; then
      printf '%-17s stopped  %s (not installed)\n' "$s" "$(service_url "$s")"; rc=1; continue
    fi
    if service_running "$s"; then
      printf '%-17s running  %s\n' "$s" "$(service_url "$s")"
    else
      printf '%-17s stopped  %s\n' "$s" "$(service_url "$s")"; rc=1
    fi
  done
  return "$rc"
}

cmd_env() {
  cat <<EOF
export SEVERITY_PG_PORT=$PG_PORT
export SEVERITY_REDIS_PORT=$REDIS_PORT
export SEVERITY_MLFLOW_PORT=$MLFLOW_PORT
export SEVERITY_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME
export SEVERITY_DB_USER=$DB_USER
export SEVERITY_DB_PASSWORD=$DB_PASSWORD
export SEVERITY_REDIS_URL=redis://127.0.0.1:$REDIS_PORT
export SEVERITY_MLFLOW_URI=http://127.0.0.1:$MLFLOW_PORT
export SEVERITY_PGBOUNCER_PORT=$PGB_PORT
export SEVERITY_PGBOUNCER_URL=jdbc:postgresql://127.0.0.1:$PGB_PORT/$DB_NAME?prepareThreshold=0
export SEVERITY_PROMETHEUS_URL=http://127.0.0.1:$PROM_PORT
export SEVERITY_ALERTMANAGER_URL=http://127.0.0.1:$AM_PORT
export SEVERITY_PG_EXPORTER_PORT=$PGX_PORT
export SEVERITY_REDIS_EXPORTER_PORT=$RDX_PORT
export SEVERITY_NODE_EXPORTER_PORT=$NDX_PORT
EOF
}

main() {
  [ "$#" -ge 1 ] || usage
  local verb="$1"; shift
  local services=() s
  for s in "$@"; do
    case "$s" in
      postgres|postgis|pg) services+=(postgres) ;;
      pgbouncer) services+=(pgbouncer) ;;
      redis) services+=(redis) ;;
      mlflow) services+=(mlflow) ;;
      monitoring) services+=("${MONITORING_SERVICES[@]}") ;;
      prometheus|alertmanager|postgres-exporter|redis-exporter|node-exporter) services+=("$s") ;;
      *) die "unknown service '$s' (expected: postgres, pgbouncer, redis, mlflow, monitoring, ${MONITORING_SERVICES[*]})" ;;
    esac
  done
  local named="${#services[@]}"
  [ "$named" -eq 0 ] && services=("${ALL_SERVICES[@]}")
  case "$verb" in
    start) cmd_start "${services[@]}" ;;
    stop) cmd_stop "${services[@]}" ;;
    status)
      # without names: all nine listed, but the exit code speaks for the four backing services only
      # (the monitoring group is optional and usually stopped)
      local rc=0
      cmd_status "${services[@]}" || rc=$?
      if [ "$named" -eq 0 ] && ! use_docker; then cmd_status "${MONITORING_SERVICES[@]}" || true; fi
      return "$rc" ;;
    env) cmd_env ;;
    -h|--help|help) usage ;;
    *) usage ;;
  esac
}

main "$@"
