#!/usr/bin/env bash
# Benchmarks, outside the test run (speed goals live here, never in timed unit tests).
#
#   scripts/bench.sh ingest [EVENTS]   avall-size import (default 90,000 events, ~2.1 M rows)
#
# `ingest`: generates (once, cached under .data/bench/) the avall-size NTSB-schema Access file,
# imports it with `ingest.jar import` into a fresh PostgreSQL database (stage -> validate -> upsert
# -> verify -> record, end to end, JVM start included), then, in the same run, dumps exactly the rows
# that landed and loads them with plain `COPY ... FROM` into a second fresh database migrated to the
# same schema (same indexes and foreign keys). Prints rows/s per table and in total for both.
# Needs PostgreSQL: the SEVERITY_* variables of `scripts/services.sh env`, or it starts the services.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

usage() { echo "usage: scripts/bench.sh ingest [EVENTS]" >&2; exit 2; }
now_ms() { date +%s%3N; }

bench_ingest() {
  local events="${1:-90000}"
  if [ -z "${SEVERITY_DB_URL:-}" ]; then
    scripts/services.sh start postgres
    eval "$(scripts/services.sh env)"
  fi
  case "$SEVERITY_DB_URL" in jdbc:postgresql://*) ;; *) echo "bench ingest needs PostgreSQL (SEVERITY_DB_URL)" >&2; exit 1 ;; esac
  local hostport="${SEVERITY_DB_URL#jdbc:postgresql://}"; hostport="${hostport%%/*}"
  local base="postgresql://${SEVERITY_DB_USER:-severity}:${SEVERITY_DB_PASSWORD:-severity}@${hostport}"
  local url_base="jdbc:postgresql://${hostport}"

  [ -f ingest/target/ingest.jar ] || ./mvnw -B -ntp -q -pl ingest -am package -DskipTests </dev/null
  mkdir -p .data/bench
  local file=".data/bench/avall-${events}.mdb"
  if [ ! -f "$file" ]; then
    java -jar ingest/target/ingest.jar generate --events "$events" --seed 42 --out "$file"
  fi
  local work; work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN

  for db in bench_ingest_load bench_ingest_copy; do
    psql -X -q "$base/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  done

  echo "== ingest.jar import $file"
  local t0 t1
  t0=$(now_ms)
  SEVERITY_DB_URL="$url_base/bench_ingest_load" java -jar ingest/target/ingest.jar import "$file" \
      --severity.ingest.progress=log --logging.level.aero.severity.ingest.load=debug >"$work/import.log" 2>&1 \
      || { cat "$work/import.log"; exit 1; }
  t1=$(now_ms)
  local import_ms=$((t1 - t0))
  grep -E "loaded in" "$work/import.log" || true

  echo "== plain COPY of the same rows into the same schema"
  # migrate the second database the way the app does (Flyway), then copy table by table, parents first
  SEVERITY_DB_URL="$url_base/bench_ingest_copy" java -jar ingest/target/ingest.jar status >/dev/null
  local tables="events aircraft engines flight_crew flight_time dt_flight_crew injury findings occurrences seq_of_events events_sequence narratives ntsb_admin ct_iaids ct_seqevt states country"
  for t in $tables; do
    psql -X -q "$base/bench_ingest_load" -c "\\copy $t TO '$work/$t.copy'"
  done
  local copy_total_ms=0 rows_total=0
  printf '\n%-16s %10s %16s %16s %16s\n' table rows "ingest read/s" "ingest upsert/s" "plain COPY/s"
  for t in $tables; do
    local rows ms c0 c1 read_rate upsert_line upsert_rate
    rows=$(wc -l <"$work/$t.copy")
    c0=$(now_ms)
    psql -X -q "$base/bench_ingest_copy" -c "\\copy $t FROM '$work/$t.copy'"
    c1=$(now_ms)
    ms=$((c1 - c0)); [ "$ms" -gt 0 ] || ms=1
    copy_total_ms=$((copy_total_ms + ms))
    rows_total=$((rows_total + rows))
    read_rate=$(grep -E "ConsoleProgress .* $t: [0-9]+ rows read, [0-9]+ rejected" "$work/import.log" | sed -E 's/.* ([0-9]+) rows\/s$/\1/' | tail -1)
    upsert_line=$(grep -E "upsert $t: [0-9]+ rows in [0-9]+ ms" "$work/import.log" | tail -1 || true)
    upsert_rate=""
    if [ -n "$upsert_line" ]; then
      upsert_rate=$(echo "$upsert_line" | sed -E 's/.*: ([0-9]+) rows in ([0-9]+) ms/\1 \2/' | awk '{ if ($2 > 0) printf "%d", $1 * 1000 / $2; else print "-" }')
    fi
    printf '%-16s %10d %16s %16s %16d\n' "$t" "$rows" "${read_rate:--}" "${upsert_rate:--}" $((rows * 1000 / ms))
  done
  local import_rate=$((rows_total * 1000 / import_ms))
  local copy_rate=$((rows_total * 1000 / copy_total_ms))
  printf '\n%-44s %10d rows in %6.1f s = %8d rows/s\n' "ingest end to end (JVM start included):" "$rows_total" \
      "$(echo "$import_ms / 1000" | bc -l)" "$import_rate"
  printf '%-44s %10d rows in %6.1f s = %8d rows/s\n' "plain COPY (sum over tables):" "$rows_total" \
      "$(echo "$copy_total_ms / 1000" | bc -l)" "$copy_rate"
  printf 'ratio ingest time / plain COPY time: %.2f (goal <= 2.0); ingest goal >= 50,000 rows/s\n' \
      "$(echo "$import_ms / $copy_total_ms" | bc -l)"
  for db in bench_ingest_load bench_ingest_copy; do
    psql -X -q "$base/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  done
}

case "${1:-}" in
  ingest) shift; bench_ingest "$@" ;;
  *) usage ;;
esac
