#!/usr/bin/env bash
# Moves the `champion` alias of the registered model back to an earlier version through MLflow's
# REST API. The api serves the new champion at its next registry poll (or at once after
# POST /api/v1/models/reload). Nothing is deleted: rolling forward again is the same command.
#
#   scripts/model-rollback.sh [--to VERSION] [--model NAME] [--alias ALIAS] [--dry-run]
#
#   --to VERSION   the version to make champion; default: the highest version below the current
#                  champion that is READY (the one trained before it)
#   --model NAME   registered model (default: $SEVERITY_MODEL_NAME or accident-severity)
#   --alias ALIAS  alias to move (default: champion)
#   --dry-run      print what would change, change nothing
#
# MLflow: SEVERITY_MLFLOW_URI (e.g. http://127.0.0.1:15000). Records the move as the registered
# model's tag `severity.last_rollback` ("<from> -> <to> at <UTC time> by <user>").
# Exit codes: 0 moved (or would move), 2 usage, 3 MLflow unreachable or error, 4 model or version
# not found, 5 no earlier version to roll back to, 6 the alias does not point at the target after
# the move.
set -euo pipefail

model="${SEVERITY_MODEL_NAME:-accident-severity}"
alias_name="champion"
to=""
dry_run=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --to) to="${2:?--to needs a version}"; shift 2 ;;
    --model) model="${2:?--model needs a name}"; shift 2 ;;
    --alias) alias_name="${2:?--alias needs a name}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "model-rollback.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ -n "$to" ] && ! [[ "$to" =~ ^[1-9][0-9]*$ ]]; then
  echo "model-rollback.sh: --to must be a version number (got '$to')" >&2; exit 2
fi
command -v jq >/dev/null 2>&1 || { echo "model-rollback.sh: needs jq (apt-get install jq)" >&2; exit 2; }
mlflow="${SEVERITY_MLFLOW_URI:?set SEVERITY_MLFLOW_URI (the MLflow tracking server)}"
mlflow="${mlflow%/}"

# GET/POST against MLflow; prints the body; returns 3 when unreachable, 4 on RESOURCE_DOES_NOT_EXIST.
call() { # method path [json]
  local method="$1" path="$2" body="${3:-}" out code
  out="$(mktemp)"
  if [ "$method" = GET ]; then
    code="$(curl -sS -o "$out" -w '%{http_code}' --max-time 15 "$mlflow$path")" || { rm -f "$out"; return 3; }
  else
    code="$(curl -sS -o "$out" -w '%{http_code}' --max-time 15 -X "$method" \
      -H 'Content-Type: application/json' --data "$body" "$mlflow$path")" || { rm -f "$out"; return 3; }
  fi
  if [ "$code" != 200 ]; then
    if grep -q RESOURCE_DOES_NOT_EXIST "$out"; then rm -f "$out"; return 4; fi
    echo "model-rollback.sh: MLflow answered $code to $method $path: $(head -c 300 "$out")" >&2
    rm -f "$out"; return 3
  fi
  cat "$out"; rm -f "$out"
}

urlencode() { jq -rn --arg v "$1" '$v|@uri'; }

rc=0
registered="$(call GET "/api/2.0/mlflow/registered-models/get?name=$(urlencode "$model")")" || rc=$?
case "$rc" in
  0) ;;
  4) echo "model-rollback.sh: registered model '$model' not found at $mlflow" >&2; exit 4 ;;
  *) echo "model-rollback.sh: cannot read '$model' from $mlflow" >&2; exit 3 ;;
esac
current="$(jq -r --arg a "$alias_name" '[.registered_model.aliases[]? | select(.alias == $a) | .version][0] // empty' <<<"$registered")"

versions="$(call GET "/api/2.0/mlflow/model-versions/search?filter=$(urlencode "name='$model'")&max_results=1000")" \
  || { echo "model-rollback.sh: cannot list the versions of '$model'" >&2; exit 3; }
ready="$(jq -r '[.model_versions[]? | select(.status == "READY") | .version | tonumber] | sort | .[]' <<<"$versions")"

if [ -z "$to" ]; then
  [ -n "$current" ] || { echo "model-rollback.sh: '$model' has no '$alias_name' alias; name the version with --to" >&2; exit 5; }
  to="$(awk -v cur="$current" '$1 < cur { v = $1 } END { if (v != "") print v }' <<<"$ready")"
  [ -n "$to" ] || { echo "model-rollback.sh: no READY version of '$model' below $alias_name v$current" >&2; exit 5; }
elif ! grep -qx "$to" <<<"$ready"; then
  echo "model-rollback.sh: version $to of '$model' does not exist or is not READY (READY: $(tr '\n' ' ' <<<"$ready"))" >&2
  exit 4
fi

if [ "$to" = "$current" ]; then
  echo "model-rollback.sh: $alias_name of '$model' is already v$to; nothing to do"
  exit 0
fi
if [ "$dry_run" -eq 1 ]; then
  echo "model-rollback.sh: would move $alias_name of '$model' from v${current:-none} to v$to (dry run)"
  exit 0
fi

payload="$(jq -cn --arg n "$model" --arg a "$alias_name" --arg v "$to" '{name: $n, alias: $a, version: $v}')"
call POST /api/2.0/mlflow/registered-models/alias "$payload" >/dev/null \
  || { echo "model-rollback.sh: setting $alias_name=v$to failed" >&2; exit 3; }

after="$(call GET "/api/2.0/mlflow/registered-models/get?name=$(urlencode "$model")")" || exit 3
now="$(jq -r --arg a "$alias_name" '[.registered_model.aliases[]? | select(.alias == $a) | .version][0] // empty' <<<"$after")"
[ "$now" = "$to" ] || { echo "model-rollback.sh: after the move $alias_name is v${now:-none}, not v$to" >&2; exit 6; }

note="v${current:-none} -> v$to at $(date -u +%Y-%m-%dT%H:%M:%SZ) by ${GITHUB_ACTOR:-${USER:-unknown}}"
tag="$(jq -cn --arg n "$model" --arg v "$note" '{name: $n, key: "severity.last_rollback", value: $v}')"
call POST /api/2.0/mlflow/registered-models/set-tag "$tag" >/dev/null \
  || echo "model-rollback.sh: warning: could not record the rollback tag" >&2
echo "model-rollback.sh: $alias_name of '$model' moved from v${current:-none} to v$to"
