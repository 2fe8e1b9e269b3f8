# shellcheck shell=bash
# Point-in-time recovery of a PostgreSQL cluster from a base backup (scripts/backup.sh --base) and
# the WAL archive (scripts/services.sh with SEVERITY_PG_WAL_ARCHIVE, or the server's own
# archive_command): a NEW data directory replays the archive up to a time and is started on its own
# port, so the damaged cluster stays as it was until the recovered one has been checked. Sourced by
# scripts/restore.sh for `--to-time`.
#
#   scripts/restore.sh --to-time TIME --base-backup DIR --wal-archive DIR --data-dir NEW [--port PORT] [--stop]
#
#   TIME   what PostgreSQL accepts as recovery_target_time, e.g. '2026-12-04 01:50:00+00'
#   NEW    must not exist; it becomes the recovered cluster's data directory
#   PORT   where the recovered server listens on 127.0.0.1 (default 15433); --stop stops it once
#          recovered (the directory can then be started where it is meant to run)
#
# Exit codes: 0 recovered to TIME and running (or stopped with --stop), 2 usage, 3 the base backup
# or the archive is unusable, 4 NEW exists, 5 recovery failed (the server's log is printed).

pitr_fail() { # code message
  echo "restore.sh: $2" >&2
  exit "$1"
}

# As root the server runs as the postgres OS user (PostgreSQL refuses root).
pitr_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

restore_to_time() {
  local time="" base="" archive="" data="" port=15433 stop=0
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --to-time) time="${2:?--to-time needs a time}"; shift 2 ;;
      --base-backup) base="${2:?--base-backup needs a directory}"; shift 2 ;;
      --wal-archive) archive="${2:?--wal-archive needs a directory}"; shift 2 ;;
      --data-dir) data="${2:?--data-dir needs a directory}"; shift 2 ;;
      --port) port="${2:?--port needs a number}"; shift 2 ;;
      --stop) stop=1; shift ;;
      *) pitr_fail 2 "unknown option '$1' with --to-time (see scripts/restore.sh --help)" ;;
    esac
  done
  if [ -z "$time" ] || [ -z "$base" ] || [ -z "$archive" ] || [ -z "$data" ]; then
    pitr_fail 2 "usage: scripts/restore.sh --to-time TIME --base-backup DIR --wal-archive DIR --data-dir NEW [--port PORT] [--stop]"
  fi
  [[ "$port" =~ ^[0-9]{2,5}$ ]] || pitr_fail 2 "--port must be a number (got '$port')"
  [[ "$time" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}[T\ ][0-9:.]+([+-][0-9:]+|Z| UTC)?$ ]] \
    || pitr_fail 2 "--to-time must be a timestamp like '2026-12-04 01:50:00+00' (got '$time')"
  if [ ! -f "$base/PG_VERSION" ] || [ ! -f "$base/backup_label" ]; then
    pitr_fail 3 "$base is not a plain base backup (no PG_VERSION and backup_label; take one with scripts/backup.sh --base)"
  fi
  [ -d "$archive" ] || pitr_fail 3 "the WAL archive $archive does not exist"
  [ ! -e "$data" ] || pitr_fail 4 "$data exists; recover into a new directory"

  local major bin
  major="$(cat "$base/PG_VERSION")"
  bin="/usr/lib/postgresql/$major/bin"
  [ -x "$bin/pg_ctl" ] || pitr_fail 3 "the base backup is PostgreSQL $major, but $bin/pg_ctl is not installed"

  mkdir -p "$data"
  cp -a "$base/." "$data/"
  rm -f "$data/postmaster.pid" "$data/recovery.signal" "$data/standby.signal"
  mkdir -p "$data/run"
  # Appended last, so it wins over what the backup's configuration says.
  cat >>"$data/postgresql.auto.conf" <<EOF
# scripts/restore.sh --to-time $(date -u +%FT%TZ)
restore_command = 'cp "$archive/%f" "%p"'
recovery_target_time = '$time'
recovery_target_action = 'promote'
recovery_target_inclusive = true
archive_mode = off
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data/run'
EOF
  touch "$data/recovery.signal"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$data"; fi
  chmod 700 "$data"

  local t0 log="$data/recovery.log"
  t0=$(date +%s)
  echo "restore.sh: replaying $archive onto the base backup $base up to $time (port $port)"
  if ! pitr_as_postgres "$bin/pg_ctl" start -D "$data" -l "$log" -w -t 300 -s </dev/null >/dev/null 2>&1; then
    tail -n 30 "$log" >&2 || true
    pitr_fail 5 "the recovered server did not start; the log above says why"
  fi
  local i state=""
  for ((i = 0; i < 600; i++)); do
    state="$(pitr_as_postgres "$bin/psql" -X -At -h "$data/run" -p "$port" -U postgres -d postgres \
      -c 'SELECT pg_is_in_recovery()' 2>/dev/null || true)"
    [ "$state" = "f" ] && break
    # a target the archive does not reach ends in a FATAL and the server stops
    pitr_as_postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1 || break
    sleep 0.5
  done
  if [ "$state" != "f" ]; then
    tail -n 30 "$log" >&2 || true
    if pitr_as_postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
      pitr_as_postgres "$bin/pg_ctl" stop -D "$data" -m fast -s >/dev/null 2>&1 || true
      pitr_fail 5 "the server did not finish recovery to $time within 5 minutes"
    fi
    pitr_fail 5 "recovery stopped before $time: the log above says why (an archive that ends earlier: 'recovery ended before configured recovery target was reached')"
  fi
  if ! grep -q "recovery stopping before\|recovery stopping after\|last completed transaction was at log time" "$log"; then
    tail -n 30 "$log" >&2 || true
    pitr_as_postgres "$bin/pg_ctl" stop -D "$data" -m fast -s >/dev/null 2>&1 || true
    pitr_fail 5 "recovery ended without reaching $time (the archive holds less WAL than that)"
  fi
  echo "restore.sh: $(grep -m1 -o 'recovery stopping [^,]*, time [^ ]* [^ ]*\|last completed transaction was at log time .*' "$log" || true)"
  echo "restore.sh: recovered to $time in $(( $(date +%s) - t0 ))s: $data on 127.0.0.1:$port"
  if [ "$stop" -eq 1 ]; then
    pitr_as_postgres "$bin/pg_ctl" stop -D "$data" -m fast -w -s >/dev/null 2>&1 || pitr_fail 5 "could not stop the recovered server"
    echo "restore.sh: stopped; start $data where it is meant to run"
  fi
}
