#!/usr/bin/env bash
# The image's entrypoint: one image, several roles.
#
#   api                         the HTTP service (default)
#   ingest ARGS...              java -jar ingest: import FILE... | status | generate
#   ml ARGS...                  java -jar ml: train | evaluate | promote
#   retrain [FILE...]           the weekly job: ingest FILEs (if any), train, then promote (the gate
#                               keeps the champion unless the new version beats it)
#   healthcheck                 used by the image's HEALTHCHECK: the api's liveness on the
#                               management port; always healthy for the batch roles
#   ARGS with a leading '-'     passed to the api (e.g. --debug)
#
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
  if [ "${SEVERITY_ENTRYPOINT_DRY_RUN:-0}" = "1" ]; then
    printf '%s\n' "java -jar $APP_HOME/$app/application.jar $*"
    exit 0
  fi
  exec java -jar "$APP_HOME/$app/application.jar" "$@"
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
    if [ "$#" -gt 0 ]; then
      run java -jar "$APP_HOME/ingest/application.jar" import "$@"
    fi
    run java -jar "$APP_HOME/ml/application.jar" train
    run java -jar "$APP_HOME/ml/application.jar" promote
    ;;
  *)
    echo "usage: entrypoint.sh api|ingest ARGS|ml ARGS|retrain [FILE...]|healthcheck (got '$role')" >&2
    exit 64
    ;;
esac
