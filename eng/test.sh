#!/usr/bin/env bash
# Runs every test of the solution, on a fresh machine too: installs the tools the tests drive
# (chromium, helm, kubectl — see eng/install-tools.sh), builds, runs `dotnet test`, and ends with
#   tests: N passed, N failed, N skipped
# Extra arguments go to `dotnet test` (e.g. --no-build, or -- --filter-class '*Sandbox*').
# Environment: CONFIGURATION (default Release), SKIP_TOOLS=1 to skip the tool install.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/artifacts/test-results"
mkdir -p "$results"
log="$results/dotnet-test.log"

if [ "${SKIP_TOOLS:-0}" != "1" ]; then
  bash "$root/eng/install-tools.sh" || { echo "eng/install-tools.sh failed" >&2; exit 1; }
fi
export PATH="$root/.tools/bin:$PATH"

# Two test modules at a time: on a 2-core machine more than that starves the browser and bUnit tests of CPU.
dotnet test --solution RunnerConsole.slnx -c "$configuration" --max-parallel-test-modules 2 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The Microsoft.Testing.Platform summary ends the log: "total: / failed: / succeeded: / skipped:".
summary="$(awk '/Test run summary/ {s=1} s && /^[[:space:]]+(total|failed|succeeded|skipped):/ {gsub(/[[:space:]]/,""); split($0,a,":"); v[a[1]]=a[2]} END {printf "%d %d %d %d", v["total"], v["succeeded"], v["failed"], v["skipped"]}' "$log")"
read -r total passed failed skipped <<<"$summary"
printf 'tests: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped" | tee "$results/summary.txt"

if [ "$status" -ne 0 ]; then
  echo "dotnet test exited with $status (see $log)" >&2
  exit "$status"
fi
if [ "$total" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit 0
