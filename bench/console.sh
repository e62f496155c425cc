#!/usr/bin/env bash
# The console's memory and responsiveness, on the published app as users run it:
#   bench/console.sh                  idle RSS, RSS with 50 wizard circuits open, preview latency over 50 edits
#   bench/console.sh --quick          3 circuits, 10 edits (what CI runs so the benchmark cannot rot)
#   bench/console.sh --out FILE ...   also write the Markdown table to FILE
# Other options: --circuits N --edits N --hold SECONDS (keep every circuit open that long, e.g. for dotnet-gcdump)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -x /usr/bin/chromium ] || bash eng/install-tools.sh
app_dir="$root/artifacts/bench/console"
dotnet publish src/Console/RunnerConsole.csproj -c Release -o "$app_dir" --nologo -v quiet >/dev/null
dotnet build bench/RunnerConsole.ConsoleBench/RunnerConsole.ConsoleBench.csproj -c Release --nologo -v quiet >/dev/null
exec dotnet bench/RunnerConsole.ConsoleBench/bin/Release/net10.0/runner-console-bench-console.dll --console "$app_dir/runner-console.dll" "$@"
