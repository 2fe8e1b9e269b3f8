#!/usr/bin/env bash
# The main job on the embedded default, with no outside servers:
#   1. builds the jars;
#   2. loads NTSB data into the embedded H2GIS database under .data/ (the real extracts from
#      ../shared/data/ntsb when present, else a generated sample) with the ingest module;
#   3. trains a model with the ml module and registers it as champion in the local registry;
#   4. creates a demo client (role ANALYST, tier PRO) and keeps its secret in .data/demo-client;
#   5. starts the api on :8080 (management :8081) with the in-process limiter and cache;
#   6. runs and prints a working curl sequence: token, predict, the same prediction again (cached).
# The api keeps running in the foreground; Ctrl-C stops it.
#
# Environment: SEVERITY_API_PORT (8080), SEVERITY_MANAGEMENT_PORT (8081), SEVERITY_DEMO_DATA (.data),
# SEVERITY_NTSB_DATA (../shared/data/ntsb), SEVERITY_DEMO_SKIP_BUILD=1 to reuse the jars already built,
# SEVERITY_DEMO_EXIT=1 to stop the api after the curl sequence instead of keeping it running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd -P)"

# The embedded default is chosen when SEVERITY_DB_URL is unset: a shell that ran
# `eval "$(scripts/services.sh env)"` must not turn the demo into the postgres profile.
unset SEVERITY_DB_URL SEVERITY_DB_USER SEVERITY_DB_PASSWORD SEVERITY_REDIS_URL SEVERITY_MLFLOW_URI
API_PORT="${SEVERITY_API_PORT:-8080}"
MANAGEMENT_PORT="${SEVERITY_MANAGEMENT_PORT:-8081}"
DATA="${SEVERITY_DEMO_DATA:-$ROOT/.data}"
# shellcheck source-path=SCRIPTDIR source=lib/ntsb-data.sh
. "$ROOT/scripts/lib/ntsb-data.sh"
SHARED_NTSB="$(ntsb_data_folder "$ROOT")"
API_JAR="$ROOT/api/target/api.jar"
BASE="http://127.0.0.1:$API_PORT"

say() { printf '\n[demo] %s\n' "$*"; }
die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }

for port in "$API_PORT" "$MANAGEMENT_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use; stop what runs there or set SEVERITY_API_PORT / SEVERITY_MANAGEMENT_PORT"
  fi
done
command -v curl >/dev/null || die "curl is needed to show the api working"
mkdir -p "$DATA"

# 1. build ---------------------------------------------------------------------------------------
if [ "${SEVERITY_DEMO_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$API_JAR" ]; then
  say "building (./mvnw package, tests skipped: scripts/test.sh runs them)"
  ./mvnw -B -ntp -q -DskipTests package </dev/null
fi

# A JWT key for this demo, kept so tokens survive a restart of the demo (the embedded default
# would otherwise make a random one per start).
if [ ! -s "$DATA/jwt-secret" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 >"$DATA/jwt-secret")
fi
SEVERITY_JWT_SECRET="$(cat "$DATA/jwt-secret")"
export SEVERITY_JWT_SECRET
COMMON=(--spring.profiles.active=embedded "--severity.embedded.data-dir=$DATA")

# 2. data ----------------------------------------------------------------------------------------
# ingest reads SEVERITY_DB_URL itself: point it at the same embedded file the api will open.
H2_URL="jdbc:h2:file:$DATA/severity;MODE=PostgreSQL;AUTO_SERVER=FALSE"
if [ -d "$SHARED_NTSB" ]; then
  say "data: loading the real NTSB extracts from $SHARED_NTSB into $DATA (about a minute)"
  SEVERITY_DB_URL="$H2_URL" SEVERITY_NTSB_DATA="$SHARED_NTSB" scripts/load-real-data.sh \
    || say "data: some imports reported failures (see above); going on with what loaded"
else
  say "data: no real extracts at $SHARED_NTSB (set SEVERITY_NTSB_DATA); loading a generated sample"
  [ -s "$DATA/sample.mdb" ] || java -jar ingest/target/ingest.jar generate --events 20000 --seed 42 --out "$DATA/sample.mdb"
  # the same file twice is a no-op, so a second demo run does not load it again
  SEVERITY_DB_URL="$H2_URL" java -jar ingest/target/ingest.jar import "$DATA/sample.mdb"
fi

# 3. model ---------------------------------------------------------------------------------------
# ml reads the same database and registers in the local folder the api serves from (no MLflow here).
if grep -qs '"champion"' "$DATA/models/accident-severity/aliases.json"; then
  say "model: a champion is already registered in $DATA/models (delete that folder to train again)"
else
  TRAIN=(train)
  # the real extracts end in 2012: train up to 2010, validate on 2011-2012 (DESIGN.md)
  [ -d "$SHARED_NTSB" ] && TRAIN+=(--train-until 2010)
  say "model: training (XGBoost, split by time) and registering it in $DATA/models (under a minute)"
  SEVERITY_DB_URL="$H2_URL" SEVERITY_MODEL_DIR="$DATA/models" OMP_WAIT_POLICY=PASSIVE \
    java -jar ml/target/ml.jar "${TRAIN[@]}" </dev/null || die "training failed (see above)"
fi

# 4. demo client ---------------------------------------------------------------------------------
say "client: creating the demo client (ANALYST, PRO)"
if ! java -jar "$API_JAR" clients create --client-id=demo --role=ANALYST --tier=PRO --name="Demo client" \
    "${COMMON[@]}" --logging.level.root=WARN >"$DATA/demo-client.tmp" 2>"$DATA/demo-client.err"; then
  if grep -q "already exists" "$DATA/demo-client.err"; then
    java -jar "$API_JAR" clients reset-secret --client-id=demo "${COMMON[@]}" --logging.level.root=WARN \
      >"$DATA/demo-client.tmp" 2>"$DATA/demo-client.err" || { cat "$DATA/demo-client.err" >&2; exit 1; }
  else
    cat "$DATA/demo-client.err" >&2
    exit 1
  fi
fi
(umask 077; grep -E '^client_(id|secret)=' "$DATA/demo-client.tmp" >"$DATA/demo-client")
rm -f "$DATA/demo-client.tmp" "$DATA/demo-client.err"
CLIENT_SECRET="$(sed -n 's/^client_secret=//p' "$DATA/demo-client")"
[ -n "$CLIENT_SECRET" ] || die "the clients command printed no secret"

# 5. api -----------------------------------------------------------------------------------------
say "api: starting on $BASE (management http://127.0.0.1:$MANAGEMENT_PORT), log in $DATA/api.log"
java -jar "$API_JAR" "${COMMON[@]}" >"$DATA/api.log" 2>&1 &
API_PID=$!
trap 'kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true' EXIT INT TERM
# readiness, not liveness: ready means the champion is loaded, so the predictions below answer
READY="http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness"
for _ in $(seq 1 120); do
  if curl -fsS "$READY" >/dev/null 2>&1; then break; fi
  kill -0 "$API_PID" 2>/dev/null || { tail -n 30 "$DATA/api.log" >&2; die "the api exited during startup"; }
  sleep 1
done
curl -fsS "$READY" >/dev/null || { tail -n 30 "$DATA/api.log" >&2; die "the api was not ready in 120 s"; }

# 6. curl sequence ------------------------------------------------------------------------------
FLIGHT='{"eventDate":"2019-07-14","localHour":15,"latitude":39.8617,"longitude":-104.6731,"state":"CO","lightCondition":"DAYL","weatherCondition":"VMC","aircraftCategory":"AIR","make":"Cessna","engineCount":1,"engineType":"REC","farPart":"091","flightPurpose":"PERS","flightPhase":"TAKEOFF","pilotAge":54,"pilotCertificate":"PRI","pilotTotalHours":420}'
cat <<EOF

[demo] The api is up. Try it (these exact commands run below):

  TOKEN=\$(curl -s -X POST $BASE/api/v1/auth/token -u demo:$CLIENT_SECRET \\
            -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -s -X POST $BASE/api/v1/predict -H "Authorization: Bearer \$TOKEN" \\
       -H 'Content-Type: application/json' -d '$FLIGHT'
  curl -s $BASE/api/v1/models/current -H "Authorization: Bearer \$TOKEN"
  curl -s "$BASE/api/v1/events/near?lat=39.8617&lon=-104.6731&radiusKm=50&limit=5" -H "Authorization: Bearer \$TOKEN"
  curl -s "$BASE/api/v1/analytics/severity-by-year?from=2000-01-01" -H "Authorization: Bearer \$TOKEN"

  Swagger UI: $BASE/swagger-ui.html   metrics: http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus
EOF

TOKEN="$(curl -fsS -X POST "$BASE/api/v1/auth/token" -u "demo:$CLIENT_SECRET" -d grant_type=client_credentials \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
[ -n "$TOKEN" ] || die "no token"
say "token: ${TOKEN:0:24}... (valid 15 minutes)"
for attempt in first again; do
  say "predict ($attempt):"
  curl -sS -i -X POST "$BASE/api/v1/predict" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "$FLIGHT" | grep -iE '^(HTTP/|ratelimit-remaining)|^\{' || true
done

say "events near Denver International (50 km, first 2):"
curl -sS "$BASE/api/v1/events/near?lat=39.8617&lon=-104.6731&radiusKm=50&limit=2" -H "Authorization: Bearer $TOKEN"
echo
if [ "${SEVERITY_DEMO_EXIT:-0}" = "1" ]; then
  say "done; stopping the api (SEVERITY_DEMO_EXIT=1)"
  exit 0
fi
say "running; Ctrl-C stops the api"
wait "$API_PID"
