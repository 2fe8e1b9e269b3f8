#!/usr/bin/env bash
# Trains on the real NTSB data: loads the real extracts into a database of its own with ingest's
# scripts/load-real-data.sh (the public AviationData/CAROL export 1982-2012, the richest of them:
# make, engine type, purpose, phase, weather, amateur-built; plus the Part 121 avall subset and the
# 2008-2025 partial tables), then trains with T = 2010 (train up to 2010, validate 2011-2012) and
# registers the model.
#
#   scripts/train-real-data.sh [--backtest] [extra ml train options]
#
# It prints our validation figures beside the outside gradient-boosting reference of the README's
# "Model quality" table; with --backtest it then runs `ml backtest` (cutoffs 2000-2008) on the same
# database and writes the metric-by-horizon plot to .data/real-data/backtest_by_horizon.png.
#
# Data: SEVERITY_NTSB_DATA, else ../shared/data/ntsb next to the project
# (read-only; nothing is copied into the project). Without the data the script says so and exits 0.
# Database: with SEVERITY_DB_URL pointing at PostgreSQL (eval "$(scripts/services.sh env)"), a fresh
# database `severity_real` on that server (dropped and recreated on each run); otherwise an embedded
# H2 file under .data/real-data/. Models go where the ml CLI puts them: MLflow when
# SEVERITY_MLFLOW_URI is set, else SEVERITY_MODEL_DIR (default here .data/real-data/models).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd -P)"

log() { printf '[train-real-data] %s\n' "$*" >&2; }

# shellcheck source-path=SCRIPTDIR source=lib/ntsb-data.sh
. "$ROOT/scripts/lib/ntsb-data.sh"
data="$(ntsb_data_folder "$ROOT")"
if [ ! -d "$data" ]; then
  log "no real NTSB data folder (set SEVERITY_NTSB_DATA); nothing to do"
  exit 0
fi

if [ ! -f ingest/target/ingest.jar ] || [ ! -f ml/target/ml.jar ]; then
  log "building ingest.jar and ml.jar"
  ./mvnw -B -ntp -q -pl ingest,ml -am package -DskipTests </dev/null
fi

if [[ "${SEVERITY_DB_URL:-}" == jdbc:postgresql://* ]]; then
  hostport="${SEVERITY_DB_URL#jdbc:postgresql://}"; hostport="${hostport%%/*}"
  host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$host" ] && port=5432
  user="${SEVERITY_DB_USER:-severity}"; export PGPASSWORD="${SEVERITY_DB_PASSWORD:-severity}"
  log "fresh database severity_real on $host:$port"
  psql -q -h "$host" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS severity_real WITH (FORCE)" -c "CREATE DATABASE severity_real" >/dev/null
  export SEVERITY_DB_URL="jdbc:postgresql://$host:$port/severity_real"
else
  rm -rf .data/real-data/severity.mv.db .data/real-data/severity.trace.db
  mkdir -p .data/real-data
  export SEVERITY_DB_URL="jdbc:h2:file:$ROOT/.data/real-data/severity;MODE=PostgreSQL;AUTO_SERVER=FALSE"
  log "embedded H2 database .data/real-data/severity"
fi
export SEVERITY_MODEL_DIR="${SEVERITY_MODEL_DIR:-$ROOT/.data/real-data/models}"
# XGBoost's OpenMP threads spin while waiting; on a busy machine that steals the cores they wait for.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

backtest=0
if [ "${1:-}" = "--backtest" ]; then backtest=1; shift; fi

start=$(date +%s)
log "loading the real extracts from $data"
SEVERITY_NTSB_DATA="$data" scripts/load-real-data.sh </dev/null
imported=$(date +%s)
log "imported in $((imported - start)) s; training with T = 2010"
mkdir -p .data/real-data
java -jar ml/target/ml.jar train --train-until 2010 "$@" </dev/null | tee .data/real-data/train.log
log "trained in $(( $(date +%s) - imported )) s (import + train: $(( $(date +%s) - start )) s)"

# The registered model's row of the table ml train printed: macroF1 AUCmacro AUCfatal Brier ECE.
read -r f1 auc fatal brier ece < <(awk '$1 == "xgboost" && $2 ~ /^[0-9]/ { print $2, $3, $4, $5, $6; exit }' .data/real-data/train.log)
cat <<TABLE

Validation 2011-2012 (train <= 2010), one row per event:
| model | macro-F1 | OvR ROC-AUC | fatal ROC-AUC | Brier | ECE |
|---|---|---|---|---|---|
| ours, this run (XGBoost, calibrated, cross-fitted) | ${f1:-?} | ${auc:-?} | ${fatal:-?} | ${brier:-?} | ${ece:-?} |
| LightGBM reference (16 raw columns, early stopping on the validation years; README) | 0.379 | 0.756 | 0.856 | 0.507 | 0.018 |
| goal (issue 15) | >= 0.46 | >= 0.760 | >= 0.860 | <= 0.505 | <= 0.012 |
TABLE

if [ "$backtest" = 1 ]; then
  log "backtest (cutoffs 2000-2008) on the same database"
  bt_start=$(date +%s)
  java -jar ml/target/ml.jar backtest --plot .data/real-data/backtest_by_horizon.png </dev/null
  log "backtest took $(( $(date +%s) - bt_start )) s; plot in .data/real-data/backtest_by_horizon.png"
fi
