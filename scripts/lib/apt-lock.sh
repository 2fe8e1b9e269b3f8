# shellcheck shell=bash
# Sourced by tools.sh and services.sh: runs an apt-get command and, while another apt-get or dpkg
# holds the dpkg/apt locks (a second test run, another developer's install on the same machine,
# unattended-upgrades), waits and tries again instead of failing the whole test command.
#
#   SEVERITY_APT_LOCK_TIMEOUT  seconds to wait for the lock in all (600)
#   SEVERITY_APT_LOCK_POLL     seconds between two tries (5)
#
# apt's own -o DPkg::Lock::Timeout covers only the dpkg lock, not the package lists' lock that
# `apt-get update` takes, and waits silently; this covers every lock apt-get reports, and says who
# holds it once a minute.

APT_LOCK_PATTERN='Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock (the administration )?directory|is another process using it'

apt_lock_log() {
  if declare -F log >/dev/null; then log "$*"; else printf '[apt] %s\n' "$*" >&2; fi
}

# Runs COMMAND... (an apt-get call, with sudo/env in front as the caller needs) with its output
# appended to LOGFILE. Returns the command's exit code: at once for success or any failure that is
# not a held lock, after at most SEVERITY_APT_LOCK_TIMEOUT seconds for a lock that stays taken.
run_waiting_for_apt_lock() { # logfile command...
  local logfile="$1"; shift
  local timeout="${SEVERITY_APT_LOCK_TIMEOUT:-600}" poll="${SEVERITY_APT_LOCK_POLL:-5}"
  local start waited next_note=0 rc out holder
  start=$(date +%s)
  out="$(mktemp)"
  while :; do
    rc=0
    "$@" </dev/null >"$out" 2>&1 || rc=$?
    cat "$out" >>"$logfile"
    if [ "$rc" -eq 0 ] || ! grep -qE "$APT_LOCK_PATTERN" "$out"; then
      rm -f "$out"
      return "$rc"
    fi
    holder="$(grep -oE 'held by process [0-9]+( \([^)]*\))?' "$out" | head -n1 || true)"
    waited=$(( $(date +%s) - start ))
    if [ "$waited" -ge "$timeout" ]; then
      apt_lock_log "the dpkg/apt lock is still taken after ${waited}s (${holder:-by another apt-get or dpkg}); giving up (see $logfile)"
      rm -f "$out"
      return "$rc"
    fi
    if [ "$waited" -ge "$next_note" ]; then
      apt_lock_log "waiting for the dpkg/apt lock, ${holder:-held by another apt-get or dpkg} (up to $(( timeout - waited ))s more)"
      next_note=$(( waited + 60 ))
    fi
    sleep "$poll"
  done
}
