#!/usr/bin/env bash
# Checks a running platform end to end and says what is wrong by its exit code:
#
#   liveness   GET  $SEVERITY_MANAGEMENT_URL/actuator/health/liveness   -> 200        exit 10
#   readiness  GET  $SEVERITY_MANAGEMENT_URL/actuator/health/readiness  -> 200        exit 11
#   token      POST $SEVERITY_API_URL/api/v1/auth/token (client credentials)         exit 12
#   predict    POST $SEVERITY_API_URL/api/v1/predict with that token -> probabilities exit 13
#   db         SELECT 1 on SEVERITY_DB_URL (psql)                                    exit 20
#   redis      PING on SEVERITY_REDIS_URL                                            exit 21
#   mlflow     GET $SEVERITY_MLFLOW_URI/health and its REST API (names the champion) exit 22
#
#   scripts/health_check.sh [--only CHECK,...] [--skip CHECK,...] [--quiet]
#
# Every selected check runs; the exit code is the first failing one's (0 when all pass, 2 for
# usage). `predict` needs `token`. Defaults: api http://127.0.0.1:8080, management
# http://127.0.0.1:8081, MLflow http://127.0.0.1:15000; the client is SEVERITY_SMOKE_CLIENT_ID /
# SEVERITY_SMOKE_CLIENT_SECRET. A missing champion is reported, not failed: the api keeps serving
# the model it has, and retrain registers one.
# Secrets are never printed. Used by the CD workflows' smoke tests and docs/RUNBOOK.md.
# The check_* functions are called by name (check_$c): shellcheck cannot see that.
# shellcheck disable=SC2317
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/db-connection.sh
. "$ROOT/scripts/lib/db-connection.sh"

API="${SEVERITY_API_URL:-http://127.0.0.1:8080}"
MGMT="${SEVERITY_MANAGEMENT_URL:-http://127.0.0.1:8081}"
ALL="liveness readiness token predict db redis mlflow"
only="" skip="" quiet=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --only) only="${2:?--only needs a list}"; shift 2 ;;
    --skip) skip="${2:?--skip needs a list}"; shift 2 ;;
    --quiet) quiet=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "health_check.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
selected=""
for c in $ALL; do
  if [ -n "$only" ] && [[ ",$only," != *",$c,"* ]]; then continue; fi
  if [[ ",$skip," == *",$c,"* ]]; then continue; fi
  selected="$selected $c"
done
for c in ${only//,/ } ${skip//,/ }; do
  [[ " $ALL " == *" $c "* ]] || { echo "health_check.sh: unknown check '$c' (checks: $ALL)" >&2; exit 2; }
done
if [[ " $selected " == *" predict "* ]] && [[ " $selected " != *" token "* ]]; then selected="$selected token"; fi

code_of() {
  case "$1" in liveness) echo 10 ;; readiness) echo 11 ;; token) echo 12 ;; predict) echo 13 ;; db) echo 20 ;; redis) echo 21 ;; mlflow) echo 22 ;; esac
}

say() { [ "$quiet" -eq 1 ] || printf '%s\n' "$*"; }

http_status() { # url -> status code (000 when unreachable)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}

token=""
check_liveness() { local s; s="$(http_status "$MGMT/actuator/health/liveness")"; [ "$s" = 200 ] || { echo "HTTP $s from $MGMT/actuator/health/liveness"; return 1; }; }
check_readiness() { local s; s="$(http_status "$MGMT/actuator/health/readiness")"; [ "$s" = 200 ] || { echo "HTTP $s from $MGMT/actuator/health/readiness"; return 1; }; }

check_token() {
  local id="${SEVERITY_SMOKE_CLIENT_ID:-}" secret="${SEVERITY_SMOKE_CLIENT_SECRET:-}" body status
  if [ -z "$id" ] || [ -z "$secret" ]; then echo "SEVERITY_SMOKE_CLIENT_ID / SEVERITY_SMOKE_CLIENT_SECRET not set"; return 1; fi
  body="$(mktemp)"
  # The secret goes in the request body through a file descriptor, not on the command line.
  status="$(curl -s -o "$body" -w '%{http_code}' --max-time 10 -X POST "$API/api/v1/auth/token" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    --data @- <<<"grant_type=client_credentials&client_id=$(jq -rn --arg v "$id" '$v|@uri')&client_secret=$(jq -rn --arg v "$secret" '$v|@uri')" || true)"
  if [ "$status" != 200 ]; then echo "HTTP $status from $API/api/v1/auth/token"; rm -f "$body"; return 1; fi
  token="$(jq -r '.access_token // empty' "$body" 2>/dev/null || true)"
  rm -f "$body"
  [ -n "$token" ] || { echo "no access_token in the token response"; return 1; }
}

check_predict() {
  [ -n "$token" ] || { echo "no token (the token check failed)"; return 1; }
  local body status
  body="$(mktemp)"
  status="$(curl -s -o "$body" -w '%{http_code}' --max-time 10 -X POST "$API/api/v1/predict" \
    -H 'Content-Type: application/json' -H @- \
    --data '{"eventDate":"2024-06-01","localHour":14,"latitude":39.8,"longitude":-104.7,"engineCount":1}' \
    <<<"Authorization: Bearer $token" || true)"
  if [ "$status" != 200 ]; then echo "HTTP $status from $API/api/v1/predict: $(head -c 200 "$body")"; rm -f "$body"; return 1; fi
  if ! jq -e '(.probabilities | keys | sort) == ["FATL","MINR","NONE","SERS"] and (.severity | type) == "string"' "$body" >/dev/null 2>&1; then
    echo "predict answered 200 without four class probabilities: $(head -c 200 "$body")"; rm -f "$body"; return 1
  fi
  say "    predicted $(jq -r '.severity + " (model " + (.model.version // "?" | tostring) + ")"' "$body")"
  rm -f "$body"
}

check_db() {
  command -v psql >/dev/null 2>&1 || { echo "psql not installed"; return 1; }
  use_jdbc_url "${SEVERITY_DB_URL:-jdbc:postgresql://127.0.0.1:15432/severity}" >/dev/null 2>&1 || { echo "bad SEVERITY_DB_URL"; return 1; }
  local out
  out="$(psql -X -q -At -c 'SELECT 1' 2>&1)" || { echo "$PGHOST:$PGPORT/$PGDATABASE: $(head -n1 <<<"$out")"; return 1; }
  [ "$out" = 1 ] || { echo "unexpected answer: $out"; return 1; }
}

check_redis() {
  local url="${SEVERITY_REDIS_URL:-redis://127.0.0.1:16379}" rest auth="" hostport host port reply
  rest="${url#redis://}"
  if [[ "$rest" == *@* ]]; then auth="${rest%%@*}"; rest="${rest#*@}"; auth="${auth#*:}"; fi
  hostport="${rest%%/*}"; host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" != "$host" ] || port=6379
  # RESP over bash's /dev/tcp: works without redis-cli.
  if ! exec 3<>"/dev/tcp/$host/$port" 2>/dev/null; then echo "cannot connect to $host:$port"; return 1; fi
  if [ -n "$auth" ]; then
    printf 'AUTH %s\r\n' "$auth" >&3
    IFS= read -r -t 3 reply <&3 || true
    [[ "$reply" == +OK* ]] || { exec 3>&-; echo "AUTH rejected by $host:$port"; return 1; }
  fi
  printf 'PING\r\n' >&3
  IFS= read -r -t 3 reply <&3 || true
  exec 3>&-
  [[ "$reply" == +PONG* ]] || { echo "no PONG from $host:$port (got: ${reply%$'\r'})"; return 1; }
}

check_mlflow() {
  local url="${SEVERITY_MLFLOW_URI:-http://127.0.0.1:15000}" model="${SEVERITY_MODEL_NAME:-accident-severity}" s body version
  url="${url%/}"
  s="$(http_status "$url/health")"
  [ "$s" = 200 ] || { echo "HTTP $s from $url/health"; return 1; }
  # /health answers while the backend store is broken; a registry read does not.
  body="$(mktemp)"
  s="$(curl -s -o "$body" -w '%{http_code}' --max-time 5 \
    "$url/api/2.0/mlflow/registered-models/alias?name=$(jq -rn --arg v "$model" '$v|@uri')&alias=champion" || true)"
  case "$s" in
    200) version="$(jq -r '.model_version.version // "?"' "$body" 2>/dev/null || echo "?")"
         say "    $model champion: version $version" ;;
    400|404) say "    $model has no champion yet" ;;
    *) echo "HTTP $s from $url/api/2.0/mlflow/registered-models/alias: $(head -c 200 "$body")"; rm -f "$body"; return 1 ;;
  esac
  rm -f "$body"
}

first_failure=0
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for c in $ALL; do
  [[ " $selected " == *" $c "* ]] || continue
  # Not in a $(...) subshell: check_token hands the token to check_predict.
  if "check_$c" >"$out" 2>&1; then
    say "ok    $c"
    [ ! -s "$out" ] || say "$(cat "$out")"
  else
    printf 'FAIL  %-9s (exit %s) %s\n' "$c" "$(code_of "$c")" "$(tr '\n' ' ' <"$out")" >&2
    [ "$first_failure" -ne 0 ] || first_failure="$(code_of "$c")"
  fi
done
exit "$first_failure"
