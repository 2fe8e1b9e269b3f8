#!/usr/bin/env bash
# Backs up the platform database with pg_dump (custom format) and writes, next to the dump, a
# manifest of every table's row count and checksum taken from the SAME snapshot as the dump, so
# scripts/restore.sh can prove a restore is complete.
#
#   scripts/backup.sh [--out FILE] [--no-checksums]
#   scripts/backup.sh --base DIR     a base backup of the whole cluster (pg_basebackup, plain, with
#                                    the WAL it needs) for point-in-time recovery with the WAL
#                                    archive: scripts/restore.sh --to-time (the role needs REPLICATION)
#
# Connection: SEVERITY_DB_URL (JDBC), SEVERITY_DB_USER, SEVERITY_DB_PASSWORD (as the app; use the
# direct PostgreSQL URL, not PgBouncer's). Default output: backups/severity-<UTC time>.dump
# Writes FILE, FILE.manifest and FILE.sha256. Exit codes: 0 ok, 2 usage, 3 cannot connect,
# 4 pg_dump failed, 5 the written archive does not read back.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/db-connection.sh
. "$ROOT/scripts/lib/db-connection.sh"

out=""
base=""
checksums=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a file}"; shift 2 ;;
    --no-checksums) checksums=0; shift ;;
    --base) base="${2:?--base needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

use_jdbc_url "${SEVERITY_DB_URL:?set SEVERITY_DB_URL (jdbc:postgresql://host:port/database)}" || exit 2
if [ -n "$base" ]; then
  [ ! -e "$base" ] || { echo "backup.sh: $base exists; a base backup goes into a new directory" >&2; exit 2; }
  t0=$(date +%s)
  pg_basebackup -D "$base" -Fp -X stream -c fast --no-password 2>"$base.err" \
    || { echo "backup.sh: pg_basebackup failed: $(head -n3 "$base.err")" >&2; rm -rf "$base"; exit 4; }
  rm -f "$base.err"
  [ -f "$base/backup_label" ] || { echo "backup.sh: $base has no backup_label" >&2; exit 5; }
  echo "backup.sh: base backup of $PGHOST:$PGPORT in $base ($(du -sh "$base" | cut -f1), $(( $(date +%s) - t0 ))s): $(grep '^START TIME' "$base/backup_label")"
  exit 0
fi
if [ -z "$out" ]; then
  mkdir -p "$ROOT/backups"
  out="$ROOT/backups/$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
mkdir -p "$(dirname "$out")"

psql -X -q -At -c 'SELECT 1' >/dev/null 2>&1 \
  || { echo "backup.sh: cannot connect to $PGHOST:$PGPORT/$PGDATABASE as $PGUSER" >&2; exit 3; }

t0=$(date +%s)
tmp="$out.partial"
rm -f "$tmp" "$out.manifest.partial"

# Hold a REPEATABLE READ transaction open, export its snapshot, dump with it, and take the
# manifest in the same transaction: dump and manifest see exactly the same rows.
# Bash unsets SNAP (and closes its descriptors) the moment psql exits, which can happen before the
# last of its output is read; reading and writing through our own copies of the descriptors keeps
# the pipe readable to its end.
coproc SNAP { psql -X -q -At -v ON_ERROR_STOP=1 2>&1; }
exec {from_psql}<&"${SNAP[0]}" {to_psql}>&"${SNAP[1]}"
# shellcheck disable=SC2153 # coproc SNAP sets SNAP_PID
snap_pid=$SNAP_PID
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" "SELECT pg_export_snapshot();" >&"$to_psql"
IFS= read -r -t 30 snapshot <&"$from_psql" || { echo "backup.sh: could not export a snapshot" >&2; exit 3; }
case "$snapshot" in [0-9A-F]*-*) ;; *) echo "backup.sh: could not export a snapshot: $snapshot" >&2; exit 3 ;; esac

if ! pg_dump --format=custom --compress=6 --snapshot="$snapshot" --file="$tmp" 2>"$tmp.log"; then
  cat "$tmp.log" >&2; rm -f "$tmp" "$tmp.log"; exit 4
fi
rm -f "$tmp.log"

table_manifest_sql "$checksums" >&"$to_psql"
printf '%s\n' "SELECT '__end__';" "COMMIT;" '\q' >&"$to_psql"
exec {to_psql}>&-
{
  printf '# severity backup manifest: schema.table|rows|md5 (same snapshot as the dump)\n'
  while IFS= read -r -t 3600 line <&"$from_psql"; do
    [ "$line" = "__end__" ] && break
    case "$line" in
      *ERROR*) echo "backup.sh: manifest query failed: $line" >&2; exit 4 ;;
    esac
    printf '%s\n' "$line"
  done
} >"$out.manifest.partial"
exec {from_psql}<&-
wait "$snap_pid" 2>/dev/null || true

pg_restore --list "$tmp" >/dev/null 2>&1 || { echo "backup.sh: the archive $tmp does not read back" >&2; exit 5; }
mv "$tmp" "$out"
mv "$out.manifest.partial" "$out.manifest"
(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" >"$(basename "$out").sha256")

tables=$(grep -vc '^#' "$out.manifest" || true)
echo "backup.sh: $out ($(du -h "$out" | cut -f1), $tables tables, $(( $(date +%s) - t0 ))s, snapshot $snapshot)"
