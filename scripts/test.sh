#!/usr/bin/env bash
# Starts the backing services (scripts/services.sh), installs the checking tools (scripts/tools.sh),
# runs the Maven build with its tests, and
# prints the Surefire/Failsafe totals summed over all modules. Exits with Maven's exit code (or 1
# when Maven passed but the reports hold failures or errors). Leaves the services running for
# reuse unless SEVERITY_STOP_SERVICES=1. Arguments go to Maven: scripts/test.sh -pl api -am
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/services.sh start
eval "$(scripts/services.sh env)"
# The checking tools the deploy module's tests run (helm, promtool, actionlint, ...): pinned, in
# .tools/bin; a no-op (under half a second) when they are already there.
scripts/tools.sh
PATH="$(scripts/tools.sh --path):$PATH"
export PATH

# Reports older than this run (left over in target/) are not counted.
marker="$(mktemp)"
trap 'rm -f "$marker"; if [ "${SEVERITY_STOP_SERVICES:-0}" = "1" ]; then scripts/services.sh stop || true; fi' EXIT

rc=0
./mvnw -B -ntp verify "$@" </dev/null || rc=$?

python3 - "$marker" <<'PY' || rc=$(( rc == 0 ? 1 : rc ))
import glob, os, sys
import xml.etree.ElementTree as ET

since = os.path.getmtime(sys.argv[1])
totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
per_module = {}
files = []
for kind in ("surefire-reports", "failsafe-reports"):
    files += glob.glob(f"**/target/{kind}/TEST-*.xml", recursive=True)
bad = []
for path in sorted(files):
    if os.path.getmtime(path) < since:
        continue
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"unreadable test report {path}: {e}", file=sys.stderr)
        continue
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    module = path.split("/target/")[0]
    m = per_module.setdefault(module, dict.fromkeys(totals, 0))
    for s in suites:
        for k in totals:
            n = int(float(s.get(k, 0) or 0))
            totals[k] += n
            m[k] += n
        if int(s.get("failures", 0) or 0) + int(s.get("errors", 0) or 0):
            bad.append(s.get("name", path))

print()
print("Test totals (Surefire + Failsafe, all modules):")
for module, m in sorted(per_module.items()):
    print(f"  {module:<40} tests={m['tests']} failures={m['failures']} errors={m['errors']} skipped={m['skipped']}")
for name in bad:
    print(f"  FAILED: {name}")
failed = totals["failures"] + totals["errors"]
passed = totals["tests"] - failed - totals["skipped"]
print(f"  total: tests={totals['tests']} failures={totals['failures']} errors={totals['errors']} skipped={totals['skipped']}")
print(f"Tests: {passed} passed, {failed} failed, {totals['skipped']} skipped")
sys.exit(1 if failed else 0)
PY

if [ "$rc" -ne 0 ]; then
  echo "scripts/test.sh: FAILED (exit $rc)" >&2
fi
exit "$rc"
