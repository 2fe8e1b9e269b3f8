#!/usr/bin/env bash
# Blue-green release of the api (production; chart value rollout.strategy=blueGreen):
#
#   1. deploy TAG to the idle color (the live Service keeps sending traffic to the live color)
#   2. smoke-test the idle color through the preview Service -> on failure stop here (exit 4):
#      users never saw the new version
#   3. switch the live Service to the new color
#   4. smoke-test through the live Service -> on failure switch back at once (exit 5) and
#      smoke-test the old color again
#
#   scripts/blue-green.sh --tag TAG [--release severity] [--namespace severity-production]
#                         [--values deploy/helm/values-production.yaml] [--chart deploy/helm]
#                         [--repository ghcr.io/OWNER/REPO]
#
# --repository is the image repository CD pushed TAG to (cd-production passes ghcr.io/<repo>);
# without it the one the live Deployment runs is kept (a manual --switch-to), else the chart's.
# The batch jobs (retrain CronJob, ingest Job) run the live color's image (chart: severity.liveTag).
#
# The namespace is created and labelled first (scripts/namespace.sh; the chart has no Namespace).
# The smoke test is scripts/health_check.sh (liveness, readiness, a real authenticated predict)
# through `kubectl port-forward`; its client is SEVERITY_SMOKE_CLIENT_ID/SECRET. The old color
# keeps running (rollout.previewReplicas) so a later manual switch back is instant:
#   scripts/blue-green.sh --switch-to blue
# HELM, KUBECTL and HEALTH_CHECK override the commands used (tests run this script with stand-ins);
# SEVERITY_FORWARD_API_PORT / SEVERITY_FORWARD_MANAGEMENT_PORT the local ports (18080 / 18081).
# Exit codes: 0 released, 2 usage, 3 deploy failed, 4 new color failed its smoke test (not
# switched), 5 failed after the switch (switched back), 6 switching back failed too (page someone).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

HELM="${HELM:-helm}"
KUBECTL="${KUBECTL:-kubectl}"
HEALTH_CHECK="${HEALTH_CHECK:-$ROOT/scripts/health_check.sh}"
release="severity"
namespace="severity-production"
values="$ROOT/deploy/helm/values-production.yaml"
chart="$ROOT/deploy/helm"
repository=""
tag=""
switch_to=""
timeout="${SEVERITY_ROLLOUT_TIMEOUT:-10m}"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --tag) tag="${2:?}"; shift 2 ;;
    --release) release="${2:?}"; shift 2 ;;
    --namespace) namespace="${2:?}"; shift 2 ;;
    --values) values="${2:?}"; shift 2 ;;
    --chart) chart="${2:?}"; shift 2 ;;
    --repository) repository="${2:?}"; shift 2 ;;
    --switch-to) switch_to="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "blue-green.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ -z "$tag" ] && [ -z "$switch_to" ]; then echo "blue-green.sh: --tag TAG (or --switch-to COLOR) is required" >&2; exit 2; fi
if [ -n "$switch_to" ] && [ "$switch_to" != blue ] && [ "$switch_to" != green ]; then
  echo "blue-green.sh: --switch-to blue|green" >&2; exit 2
fi

log() { printf '[blue-green] %s\n' "$*" >&2; }
other() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }

# The namespace with its Pod Security labels first: the chart does not create it (see scripts/namespace.sh).
KUBECTL="$KUBECTL" "$ROOT/scripts/namespace.sh" "$namespace" || { log "preparing namespace $namespace failed"; exit 3; }

service="$release-api"
live="$("$KUBECTL" -n "$namespace" get service "$service" -o 'jsonpath={.spec.selector.severity\.aero/color}' 2>/dev/null || true)"
[ -n "$live" ] || live=blue
image_of() { # color -> image running in that color's Deployment (empty when none)
  "$KUBECTL" -n "$namespace" get deployment "$release-api-$1" -o 'jsonpath={.spec.template.spec.containers[0].image}' 2>/dev/null || true
}
tag_of() { # color -> its image tag (empty when none)
  local image; image="$(image_of "$1")"
  if [ -n "$image" ]; then printf '%s' "${image##*:}"; fi
}
blue_tag="$(tag_of blue)"
green_tag="$(tag_of green)"
if [ -z "$repository" ]; then
  live_image="$(image_of "$live")"
  if [ -n "$live_image" ]; then repository="${live_image%:*}"; fi
fi
repository_set=()
if [ -n "$repository" ]; then repository_set=(--set "image.repository=$repository"); fi

# helm upgrade with the given live color and per-color tags; everything else from the values file.
release_with() { # active-color blue-tag green-tag
  "$HELM" upgrade --install "$release" "$chart" --namespace "$namespace" -f "$values" \
    --set "rollout.strategy=blueGreen" --set "rollout.activeColor=$1" \
    --set "rollout.colors.blue.tag=$2" --set "rollout.colors.green.tag=$3" "${repository_set[@]}" \
    --wait --timeout "$timeout"
}

# Port-forwards a Service and runs the health check through it (no db/redis: not reachable here).
smoke() { # service
  local port_api="${SEVERITY_FORWARD_API_PORT:-18080}" port_mgmt="${SEVERITY_FORWARD_MANAGEMENT_PORT:-18081}" pf rc=0 i
  "$KUBECTL" -n "$namespace" port-forward "service/$1" "$port_api:80" "$port_mgmt:8081" >/dev/null 2>&1 &
  pf=$!
  for ((i = 0; i < 50; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port_mgmt") 2>/dev/null && break
    kill -0 "$pf" 2>/dev/null || break   # port-forward gave up: the health check will say so
    sleep 0.2
  done
  SEVERITY_API_URL="http://127.0.0.1:$port_api" SEVERITY_MANAGEMENT_URL="http://127.0.0.1:$port_mgmt" \
    "$HEALTH_CHECK" --skip db,redis,mlflow || rc=$?
  kill "$pf" 2>/dev/null || true
  wait "$pf" 2>/dev/null || true
  return "$rc"
}

if [ -n "$switch_to" ]; then
  log "switching $service from $live to $switch_to (tags: blue=${blue_tag:-none} green=${green_tag:-none})"
  release_with "$switch_to" "$blue_tag" "$green_tag" || exit 3
  smoke "$service" || { log "smoke test after the manual switch FAILED"; exit 5; }
  exit 0
fi

idle="$(other "$live")"
if [ "$idle" = blue ]; then blue_tag="$tag"; else green_tag="$tag"; fi
# First release: nothing runs yet, so the live color gets the same version (an empty tag would
# fall back to the chart's appVersion, an image that may not exist, and helm --wait would fail).
[ -n "$blue_tag" ] || blue_tag="$tag"
[ -n "$green_tag" ] || green_tag="$tag"
log "live: $live ($(tag_of "$live")), deploying $tag to $idle"
release_with "$live" "$blue_tag" "$green_tag" || { log "deploying $tag to $idle failed; live traffic untouched on $live"; exit 3; }

log "smoke test of $idle through $service-preview"
if ! smoke "$service-preview"; then
  log "the new version FAILED its smoke test on $idle; live traffic stays on $live, nothing switched"
  exit 4
fi

log "switching live traffic $live -> $idle"
release_with "$idle" "$blue_tag" "$green_tag" || { log "switch failed"; exit 3; }
if smoke "$service"; then
  log "released $tag on $idle; $live stays warm for a switch back (scripts/blue-green.sh --switch-to $live)"
  exit 0
fi

log "smoke test FAILED after the switch: switching back to $live"
if release_with "$live" "$blue_tag" "$green_tag" && smoke "$service"; then
  log "switched back to $live; $tag stays on $idle for inspection"
  exit 5
fi
log "SWITCHING BACK FAILED: the api may be down; follow docs/RUNBOOK.md 'Drain a bad release'"
exit 6
