#!/usr/bin/env bash
# Every figure in docs/performance.md, in one command (about 12-15 minutes on 2 cores): the BenchmarkDotNet suites
# (client, build core), the analyzer benchmark, the peer comparison and the build-overhead script at loopback and
# real-server latency. Writes artifacts/perf/summary.md and prints it.
#   scripts/perf.sh            PERF_SKIP_ANALYZER=1 leaves out the analyzer benchmark
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/artifacts/perf"
rm -rf "$out"; mkdir -p "$out"
summary="$out/summary.md"
started=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - started )) s)" >&2; }

{
  echo "# Performance run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM"
  echo "dotnet: $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), node $(node --version)"
} >"$summary"

step "build"
for p in Infisical.Client.Benchmarks Infisical.Build.Core.Benchmarks Infisical.PeerComparison Infisical.Analyzers.Benchmarks; do
  dotnet build "benchmarks/$p" -c Release -nologo -clp:ErrorsOnly >/dev/null
done

bdn() { # project, title
  step "$2"
  (cd "benchmarks/$1" && dotnet "bin/Release/net10.0/$1.dll" --filter '*' --exporters github --artifacts "$out/$1" >"$out/$1.log" 2>&1) \
    || echo "$1 failed: see $out/$1.log" >&2
  { echo; echo "## $2"; echo; cat "$out/$1"/results/*-report-github.md 2>/dev/null | grep -v '^```' || echo "(no results)"; } >>"$summary"
}
bdn Infisical.Client.Benchmarks "Client (BenchmarkDotNet ShortRun, in-process local server on loopback)"
bdn Infisical.Build.Core.Benchmarks "Build core (BenchmarkDotNet ShortRun)"

if [ "${PERF_SKIP_ANALYZER:-}" != 1 ]; then
  step "analyzer"
  { echo; echo "## Analyzer and generator on a generated 1,000-file compilation"; echo; echo '```'
    dotnet benchmarks/Infisical.Analyzers.Benchmarks/bin/Release/net10.0/Infisical.Analyzers.Benchmarks.dll 1000 9
    echo '```'; } >>"$summary"
fi

step "peers"
{ echo; echo "## Peer comparison (one local server process, same requests)"; echo; scripts/compare-peers.sh 5; } >>"$summary"
step "build overhead"
{ echo; echo "## Build overhead (medians of alternating runs)"; echo; scripts/measure-build-overhead.sh 9 both; } >>"$summary"
step "done"
echo "total: $(( $(date +%s) - started )) s" >>"$summary"
cat "$summary"
