#!/usr/bin/env bash
# The image's entrypoint: one image, several roles.
#
#   api                         the HTTP service (default)
#   ingest ARGS...              java -jar ingest: import FILE... | status | generate
#   ml ARGS...                  java -jar ml: train | evaluate | promote
#   retrain [FILE...]           the daily job: fetch (when SEVERITY_RETRAIN_FETCH=1: `ingest fetch`
#                               downloads and imports the NTSB's archives of the last months, a file
#                               imported before is skipped), ingest, monitor --decide (the champion scored on the labelled
#                               events after its window, kept in model_monitoring for the api's
#                               live-model gauges and alerts, and whether a retrain is due), then, when
#                               it is (or SEVERITY_RETRAIN_FORCE=1), train and promote (the gate keeps the
#                               champion unless the new version beats it). What it ingests: the
#                               FILEs; none given -> every .mdb/.accdb in SEVERITY_RETRAIN_UPDATES_DIR
#                               (where the NTSB's monthly upDDMON.mdb files are put; a file already
#                               loaded is a no-op, so the folder may keep them all); none there and
#                               SEVERITY_RETRAIN_SAMPLE_EVENTS=N -> a generated sample of N events
#                               (the compose stack without a real file); else nothing (train on the
#                               database as it is). It trains up to SEVERITY_TRAINING_TRAINUNTIL, by
#                               default the current year - 3, so validation is the last two complete
#                               years and moves with time.
#   healthcheck                 used by the image's HEALTHCHECK: the api's liveness on the
#                               management port; always healthy for the batch roles
#   ARGS with a leading '-'     passed to the api (e.g. --debug)
#
# SEVERITY_API_JVM_OPTIONS: JVM options of the api only (default -XX:MaxGCPauseMillis=10: G1 keeps
# its young pauses short, which at 1,000 req/s took the p99.9 from 38-55 ms to 12-21 ms, see
# bench/RESULTS.md; the batch roles keep G1's throughput default). Options for every role go in
# JAVA_TOOL_OPTIONS.
# SEVERITY_ENTRYPOINT_DRY_RUN=1 prints the commands instead of running them (tests, debugging).
# SEVERITY_APP_HOME (default /app) is where the extracted jars live.
set -euo pipefail

APP_HOME="${SEVERITY_APP_HOME:-/app}"
ROLE_FILE="${TMPDIR:-/tmp}/severity-role"

run() {
  if [ "${SEVERITY_ENTRYPOINT_DRY_RUN:-0}" = "1" ]; then
    printf '%s\n' "$*"
    return 0
  fi
  "$@"
}

# exec for the single-process roles so the JVM is PID 1's direct replacement and gets SIGTERM.
launch() { # app args...
  local app="$1"; shift
  local jvm=()
  if [ "$app" = api ]; then
    # shellcheck disable=SC2206 # a list of options, split on spaces like JAVA_TOOL_OPTIONS
    jvm=(${SEVERITY_API_JVM_OPTIONS--XX:MaxGCPauseMillis=10})
  fi
  if [ "${SEVERITY_ENTRYPOINT_DRY_RUN:-0}" = "1" ]; then
    printf '%s\n' "java ${jvm[*]}${jvm[*]:+ }-jar $APP_HOME/$app/application.jar $*"
    exit 0
  fi
  exec java "${jvm[@]}" -jar "$APP_HOME/$app/application.jar" "$@"
}

healthcheck() {
  local role; role="$(cat "$ROLE_FILE" 2>/dev/null || echo api)"
  [ "$role" = "api" ] || exit 0
  local port="${SEVERITY_MANAGEMENT_PORT:-8081}" status
  # No curl in the JRE image: a plain HTTP/1.0 request over bash's /dev/tcp.
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf 'GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  IFS= read -r -t 4 status <&3 || exit 1
  exec 3>&-
  case "$status" in
    *" 200"*) exit 0 ;;
    *) exit 1 ;;
  esac
}

role="${1:-api}"
case "$role" in
  -*) role=api ;;
  *) shift || true ;;
esac

case "$role" in
  healthcheck) healthcheck ;;
  api|ingest|ml|retrain) printf '%s' "$role" >"$ROLE_FILE" 2>/dev/null || true ;;
esac

case "$role" in
  api) launch api "$@" ;;
  ingest) launch ingest "$@" ;;
  ml) launch ml "$@" ;;
  retrain)
    files=("$@")
    if [ "${SEVERITY_RETRAIN_FETCH:-0}" = "1" ]; then
      run java -jar "$APP_HOME/ingest/application.jar" fetch
    fi
    if [ "${#files[@]}" -eq 0 ] && [ -n "${SEVERITY_RETRAIN_UPDATES_DIR:-}" ]; then
      shopt -s nullglob nocaseglob
      files=("$SEVERITY_RETRAIN_UPDATES_DIR"/*.mdb "$SEVERITY_RETRAIN_UPDATES_DIR"/*.accdb)
      shopt -u nullglob nocaseglob
    fi
    if [ "${#files[@]}" -eq 0 ] && [ -n "${SEVERITY_RETRAIN_SAMPLE_EVENTS:-}" ]; then
      sample="${TMPDIR:-/tmp}/severity-sample.mdb"
      run java -jar "$APP_HOME/ingest/application.jar" generate --events "$SEVERITY_RETRAIN_SAMPLE_EVENTS" --out "$sample"
      files=("$sample")
    fi
    if [ "${#files[@]}" -gt 0 ]; then
      run java -jar "$APP_HOME/ingest/application.jar" import "${files[@]}"
    else
      echo "retrain: no file to ingest (${SEVERITY_RETRAIN_UPDATES_DIR:-SEVERITY_RETRAIN_UPDATES_DIR unset}); training on the database as it is" >&2
    fi
    train_until="${SEVERITY_TRAINING_TRAINUNTIL:-$(($(date -u +%Y) - 3))}"
    # compose passes an empty value for "not set"; Spring would try to bind "" as the year.
    if [ -z "${SEVERITY_TRAINING_TRAINUNTIL:-}" ]; then unset SEVERITY_TRAINING_TRAINUNTIL; fi
    # ml monitor --decide: exit 0 when a retrain is due (no champion; the newest version older than
    # severity.retrain.schedule, 28 days; or the champion past a drift threshold of the alert rules and
    # a batch ingested since the newest version was trained), 10 when it is not, else it failed.
    decision=0
    run java -jar "$APP_HOME/ml/application.jar" monitor --decide || decision=$?
    if [ "$decision" = 10 ] && [ "${SEVERITY_RETRAIN_FORCE:-0}" = "1" ]; then
      echo "retrain: forced (SEVERITY_RETRAIN_FORCE=1)" >&2
      decision=0
    fi
    case "$decision" in
      0)
        run java -jar "$APP_HOME/ml/application.jar" train --train-until "$train_until"
        run java -jar "$APP_HOME/ml/application.jar" promote
        ;;
      10) echo "retrain: not due, nothing trained; the champion stays" ;;
      *) exit "$decision" ;;
    esac
    ;;
  *)
    echo "usage: entrypoint.sh api|ingest ARGS|ml ARGS|retrain [FILE...]|healthcheck (got '$role')" >&2
    exit 64
    ;;
esac
