#!/usr/bin/env bash
# Restores a scripts/backup.sh dump into a database and proves it complete: every table's row
# count and checksum must equal the manifest written with the dump (same snapshot).
#
#   scripts/restore.sh FILE --target-db NAME [--create] [--force] [--keep-on-failure]
#
#   --create           create NAME first (fails if it exists); dropped again if the restore or its
#                      verification fails, so a failed restore leaves nothing behind
#   --force            restore into an existing database that already has tables
#   --keep-on-failure  keep a database this run created when it fails (for inspection)
#
# Connection: SEVERITY_DB_URL / SEVERITY_DB_USER / SEVERITY_DB_PASSWORD name the server (its
# database is used for CREATE DATABASE). Recovery restores into a NEW database, verifies it, and
# only then is the app pointed at it (docs/RUNBOOK.md "Restore the database").
# Exit codes: 0 restored and verified, 2 usage, 3 archive unreadable or checksum mismatch,
# 4 target database problem, 5 pg_restore failed, 6 verification failed (counts/checksums differ).
#
# Point in time (physical, the whole cluster as it was at TIME; scripts/lib/point-in-time.sh):
#
#   scripts/restore.sh --to-time TIME --base-backup DIR --wal-archive DIR --data-dir NEW [--port PORT] [--stop]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

if [[ " $* " == *" --to-time "* ]]; then
  # shellcheck source-path=SCRIPTDIR source=lib/point-in-time.sh
  . "$ROOT/scripts/lib/point-in-time.sh"
  restore_to_time "$@"
  exit 0
fi

# shellcheck source-path=SCRIPTDIR source=lib/db-connection.sh
. "$ROOT/scripts/lib/db-connection.sh"

file="" target="" create=0 force=0 keep=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --target-db) target="${2:?--target-db needs a name}"; shift 2 ;;
    --create) create=1; shift ;;
    --force) force=1; shift ;;
    --keep-on-failure) keep=1; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    -*) echo "restore.sh: unknown option '$1'" >&2; exit 2 ;;
    *) [ -z "$file" ] || { echo "restore.sh: one dump file only" >&2; exit 2; }; file="$1"; shift ;;
  esac
done
if [ -z "$file" ] || [ -z "$target" ]; then
  echo "usage: scripts/restore.sh FILE --target-db NAME [--create] [--force]" >&2; exit 2
fi
[[ "$target" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "restore.sh: database name must be lower-case letters, digits, _ (got '$target')" >&2; exit 2; }
[ -r "$file" ] || { echo "restore.sh: cannot read $file" >&2; exit 3; }

use_jdbc_url "${SEVERITY_DB_URL:?set SEVERITY_DB_URL (jdbc:postgresql://host:port/database)}" || exit 2
admin_db="$PGDATABASE"
work="$(mktemp -d)"
created=0
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "$created" -eq 1 ]; then
    if [ "$keep" -eq 1 ]; then
      echo "restore.sh: keeping the failed database $target (--keep-on-failure)" >&2
    else
      psql -X -q -d "$admin_db" -c "DROP DATABASE IF EXISTS \"$target\" WITH (FORCE)" >/dev/null 2>&1 \
        && echo "restore.sh: dropped $target again (restore failed)" >&2
    fi
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT

# 1. The archive: checksum (when backup.sh wrote one) and a readable table of contents.
if [ -f "$file.sha256" ]; then
  want="$(cut -d' ' -f1 "$file.sha256")"
  got="$(sha256sum "$file" | cut -d' ' -f1)"
  [ "$want" = "$got" ] || { echo "restore.sh: $file does not match $file.sha256 (corrupt or changed)" >&2; exit 3; }
else
  echo "restore.sh: warning: no $file.sha256, archive integrity not checked" >&2
fi
pg_restore --list "$file" >"$work/toc" 2>"$work/toc.err" \
  || { echo "restore.sh: $file is not a readable pg_dump archive: $(head -n1 "$work/toc.err")" >&2; exit 3; }

# 2. The target.
psql -X -q -At -d "$admin_db" -c 'SELECT 1' >/dev/null 2>&1 \
  || { echo "restore.sh: cannot connect to $PGHOST:$PGPORT/$admin_db as $PGUSER" >&2; exit 4; }
# The name is validated above ([a-z0-9_]), so it can be quoted into SQL.
exists="$(psql -X -At -d "$admin_db" -c "SELECT count(*) FROM pg_database WHERE datname = '$target'")"
if [ "$create" -eq 1 ]; then
  [ "$exists" = "0" ] || { echo "restore.sh: database $target already exists (drop it, or restore without --create)" >&2; exit 4; }
  psql -X -q -d "$admin_db" -c "CREATE DATABASE \"$target\"" >/dev/null || exit 4
  created=1
else
  [ "$exists" = "1" ] || { echo "restore.sh: database $target does not exist (use --create)" >&2; exit 4; }
  tables="$(psql -X -At -d "$target" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog','information_schema','topology','tiger','tiger_data') AND tablename <> 'spatial_ref_sys'")"
  if [ "$tables" != "0" ] && [ "$force" -eq 0 ]; then
    echo "restore.sh: $target already has $tables tables; restore into a new database (--create) or pass --force" >&2; exit 4
  fi
fi

# 3. Extensions the target already has (PostGIS comes from template1) are not created again, nor
#    are their configuration tables refilled (spatial_ref_sys belongs to the superuser; user-added
#    SRIDs, which this platform does not use, would need a superuser restore).
psql -X -At -d "$target" -c "SELECT extname FROM pg_extension" >"$work/extensions"
psql -X -At -F ' ' -d "$target" \
  -c "SELECT n.nspname, c.relname FROM pg_extension e, unnest(e.extconfig) cfg(oid) JOIN pg_class c ON c.oid = cfg.oid JOIN pg_namespace n ON n.oid = c.relnamespace" \
  >"$work/extension-tables"
cp "$work/toc" "$work/toc.filtered"
while IFS= read -r ext; do
  grep -vE "^[0-9]+; [0-9]+ [0-9]+ (EXTENSION - |COMMENT - EXTENSION )$ext( |$)" "$work/toc.filtered" >"$work/toc.next" || true
  mv "$work/toc.next" "$work/toc.filtered"
done <"$work/extensions"
while read -r schema table; do
  grep -vE "^[0-9]+; [0-9]+ [0-9]+ TABLE DATA $schema $table " "$work/toc.filtered" >"$work/toc.next" || true
  mv "$work/toc.next" "$work/toc.filtered"
done <"$work/extension-tables"

t0=$(date +%s)
if ! pg_restore --dbname="$target" --no-owner --no-privileges --single-transaction --exit-on-error \
      --use-list="$work/toc.filtered" "$file" 2>"$work/restore.err"; then
  echo "restore.sh: pg_restore failed (nothing was committed):" >&2
  head -n 20 "$work/restore.err" >&2
  exit 5
fi

# 4. Verification against the manifest.
if [ -f "$file.manifest" ]; then
  checksums=1
  grep -v '^#' "$file.manifest" | head -n1 | grep -q '|-$' && checksums=0
  table_manifest_sql "$checksums" | psql -X -q -At -v ON_ERROR_STOP=1 -d "$target" >"$work/restored.manifest" \
    || { echo "restore.sh: could not compute the restored manifest" >&2; exit 6; }
  grep -v '^#' "$file.manifest" >"$work/expected.manifest" || true
  if ! diff -u "$work/expected.manifest" "$work/restored.manifest" >"$work/manifest.diff"; then
    echo "restore.sh: VERIFICATION FAILED: restored tables differ from the backup manifest:" >&2
    cat "$work/manifest.diff" >&2
    exit 6
  fi
  echo "restore.sh: verified $(wc -l <"$work/restored.manifest") tables (row counts$([ "$checksums" -eq 1 ] && echo " and checksums")) against $file.manifest"
else
  echo "restore.sh: warning: no $file.manifest, only the row counts below were taken" >&2
  table_manifest_sql 0 | psql -X -q -At -d "$target" | cut -d'|' -f1,2
fi
echo "restore.sh: restored $file into $target on $PGHOST:$PGPORT in $(( $(date +%s) - t0 ))s"
