#!/usr/bin/env bash
# Compares a scrape of the api's /actuator/prometheus with the metric contract the alert rules and
# dashboards rely on (prometheus/metrics/api.txt): every name listed there must be exported.
#
#   scripts/check-metrics.sh [URL | --file SCRAPE.txt]
#
# URL defaults to http://127.0.0.1:8081/actuator/prometheus. Some series only appear after the
# code path ran once (a prediction, a cache lookup, a rate-limit rejection): exercise the api first.
# Exit codes: 0 all present, 1 names missing (listed), 2 usage or the scrape failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
CONTRACT="$ROOT/prometheus/metrics/api.txt"

scrape="$(mktemp)"
trap 'rm -f "$scrape"' EXIT
case "${1:-}" in
  --file) cp "${2:?--file needs a path}" "$scrape" 2>/dev/null || { echo "check-metrics.sh: cannot read ${2}" >&2; exit 2; } ;;
  -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
  *) curl -fsS --max-time 10 "${1:-http://127.0.0.1:8081/actuator/prometheus}" >"$scrape" \
       || { echo "check-metrics.sh: cannot scrape ${1:-http://127.0.0.1:8081/actuator/prometheus}" >&2; exit 2; } ;;
esac

# Names in the exposition format: the token before '{' or ' ' on every non-comment line.
exported="$(grep -v '^#' "$scrape" | sed -E 's/^([a-zA-Z_:][a-zA-Z0-9_:]*).*/\1/' | sort -u)"
missing=()
while IFS= read -r name; do
  name="${name%%#*}"; name="${name//[[:space:]]/}"
  [ -n "$name" ] || continue
  grep -qx "$name" <<<"$exported" || missing+=("$name")
done <"$CONTRACT"

if [ "${#missing[@]}" -gt 0 ]; then
  echo "check-metrics.sh: ${#missing[@]} metric(s) of prometheus/metrics/api.txt not in the scrape:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "check-metrics.sh: all $(grep -cvE '^[[:space:]]*(#|$)' "$CONTRACT") contract metrics exported"
