#!/usr/bin/env bash
# The main job on the embedded default: no outside servers. Builds the jars and starts the api on
# :8080 (management on :8081) against an embedded database under .data/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

./mvnw -B -ntp -q -DskipTests package </dev/null
echo "[demo] starting the api on http://127.0.0.1:8080 (health: http://127.0.0.1:8081/actuator/health)"
exec java -jar api/target/api.jar "$@"
