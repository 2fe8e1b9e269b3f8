# shellcheck shell=bash
# Where the real NTSB extracts are, looked up one way for every script (and as the tests' RealNtsbData
# does): SEVERITY_NTSB_DATA when set, else ../shared/data/ntsb beside the repository. Prints the folder,
# which may not exist; the data is read in place, never copied into the project.
#
#   . scripts/lib/ntsb-data.sh; data="$(ntsb_data_folder "$ROOT")"
ntsb_data_folder() {
  local root="$1"
  if [ -n "${SEVERITY_NTSB_DATA:-}" ]; then
    printf '%s\n' "$SEVERITY_NTSB_DATA"
  else
    printf '%s\n' "$(cd "$root/.." && pwd -P)/shared/data/ntsb"
  fi
}
