#!/usr/bin/env bash
# Loads the real NTSB extracts (see PROVENANCE.md in the data folder) into the configured database:
#   1. the relational avall CSV tables are converted into Access files with Jackcess, in a temp
#      folder (never in the repo): avall_part121_subset/ with the code tables, and
#      avall_2008_2025_partial/ on its own (it is a different extract);
#   2. the Part 121 Access file is imported, then the CAROL/AviationData export
#      (aviationdata_1982_2012.csv.gz), then the 2008-2025 partial file (child tables only);
#   3. `status` shows batches, rows per table and the rejects by reason.
# Skips cleanly (exit 0) when the data folder is absent. Database: SEVERITY_DB_URL, or the embedded
# H2GIS default. Data folder: SEVERITY_NTSB_DATA (default ../shared/data/ntsb next to the repo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

# shellcheck source-path=SCRIPTDIR source=lib/ntsb-data.sh
. "$ROOT/scripts/lib/ntsb-data.sh"
DATA="$(ntsb_data_folder "$ROOT")"
if [ ! -d "$DATA" ]; then
  echo "[real-data] no NTSB data folder (set SEVERITY_NTSB_DATA); nothing to load"
  exit 0
fi

[ -f ingest/target/ingest.jar ] || ./mvnw -B -ntp -q -pl ingest -am package -DskipTests </dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java -jar ingest/target/ingest.jar csv-to-access --out "$work/avall_part121_subset.mdb" \
  "$DATA"/avall_part121_subset/*.csv "$DATA/ct_iaids.csv" "$DATA/ct_seqevt.csv" "$DATA/states.csv" "$DATA/Country.csv"
java -jar ingest/target/ingest.jar csv-to-access --out "$work/avall_2008_2025_partial.mdb" \
  "$DATA"/avall_2008_2025_partial/*.csv*

rc=0
java -jar ingest/target/ingest.jar import "$work/avall_part121_subset.mdb" "$DATA/aviationdata_1982_2012.csv.gz" || rc=$?
# The 2008-2025 extract has engines and NTSB_Admin but no events table: its rows load where their
# events are already stored (from the CAROL export, up to 2012) and are rejected as orphans otherwise.
java -jar ingest/target/ingest.jar import "$work/avall_2008_2025_partial.mdb" --severity.ingest.allow-partial=true || rc=$?
java -jar ingest/target/ingest.jar status
exit "$rc"
