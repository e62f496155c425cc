#!/usr/bin/env bash
# Side-by-side comparison of runner-console with helm 4 and kubectl 1.35 against the in-process sandbox.
#   bench/compare.sh                 full run: default + large runner, latency 0 and 25 ms, 5 interleaved rounds
#   bench/compare.sh --quick         one round, default runner, latency 0 (the CI smoke test uses this)
#   bench/compare.sh --out FILE ...  also write the Markdown table to FILE
#   bench/compare.sh --tls ...      every sandbox serves HTTPS (HTTP/2 by ALPN, generated CA in the kubeconfig), as real clusters do
# Other options: --rounds N --warmup N --latency 0,25 --variants default,large
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -x .tools/bin/helm ] || bash eng/install-tools.sh
export PATH="$root/.tools/bin:$PATH"
# The CLI as users get it: published ReadyToRun (precompiled), so start-up is not JIT time.
cli_dir="$root/artifacts/bench/cli"
dotnet publish src/Console/RunnerConsole.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$cli_dir" --nologo -v quiet >/dev/null
dotnet build bench/RunnerConsole.Compare/RunnerConsole.Compare.csproj -c Release --nologo -v quiet >/dev/null
exec dotnet bench/RunnerConsole.Compare/bin/Release/net10.0/runner-console-compare.dll --cli "$cli_dir/runner-console" "$@"
