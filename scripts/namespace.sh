#!/usr/bin/env bash
# Creates the namespace a release installs into (if missing) and labels it for Pod Security
# admission, before `helm upgrade --install`. The chart does not carry the Namespace object: Helm
# cannot adopt the namespace it installs into (with --create-namespace: "exists and cannot be
# imported into the current release") and cannot install into one that does not exist yet.
#
#   scripts/namespace.sh NAMESPACE [--pod-security restricted|baseline|privileged]
#
# Idempotent: an existing namespace keeps everything else and gets the labels (--overwrite).
# KUBECTL overrides the command (tests run this with a stand-in). Exit codes: 0 ready, 2 usage,
# 3 kubectl failed.
set -euo pipefail

KUBECTL="${KUBECTL:-kubectl}"
namespace=""
level="restricted"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --pod-security) level="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "namespace.sh: unknown option '$1'" >&2; exit 2 ;;
    *) if [ -n "$namespace" ]; then echo "namespace.sh: one NAMESPACE only" >&2; exit 2; fi; namespace="$1"; shift ;;
  esac
done
[ -n "$namespace" ] || { echo "namespace.sh: NAMESPACE is required" >&2; exit 2; }
case "$level" in
  restricted|baseline|privileged) ;;
  *) echo "namespace.sh: --pod-security restricted|baseline|privileged (got '$level')" >&2; exit 2 ;;
esac

# create --dry-run, then apply: creates it when missing, leaves an existing one alone. One after the
# other, not a pipe, so a failing dry run stops here and the calls happen in a fixed order.
manifest="$("$KUBECTL" create namespace "$namespace" --dry-run=client -o yaml)" || exit 3
printf '%s\n' "$manifest" | "$KUBECTL" apply -f - >&2 || exit 3
"$KUBECTL" label namespace "$namespace" --overwrite \
  "pod-security.kubernetes.io/enforce=$level" "pod-security.kubernetes.io/warn=$level" \
  "pod-security.kubernetes.io/audit=$level" app.kubernetes.io/part-of=severity >&2 || exit 3
