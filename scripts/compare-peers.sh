#!/usr/bin/env bash
# Our client against its peers on the same local server, in one run: a bare HttpClient sending the same requests
# (the floor), the Node.js @infisical/sdk (installed here with npm into artifacts/peers), and our client uncached and
# cached. Get-by-name p50/p99 and throughput at concurrency 1 and 16, a list of 1,000 secrets, and the first call in
# a fresh process; prints a markdown table with our/floor and our/Node ratios.
#   scripts/compare-peers.sh [seconds-per-case]     (default 5; results also in artifacts/perf/peers.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
peers="$root/artifacts/peers"; out="$root/artifacts/perf"
mkdir -p "$peers" "$out"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

dotnet build benchmarks/Infisical.PeerComparison -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build src/Infisical.LocalServer/Infisical.LocalServer.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
cp benchmarks/Infisical.PeerComparison/node/package.json benchmarks/Infisical.PeerComparison/node/peer-bench.mjs "$peers/"
[ -d "$peers/node_modules/@infisical/sdk" ] || npm install --prefix "$peers" --no-audit --no-fund --loglevel=error >/dev/null
peer=(dotnet benchmarks/Infisical.PeerComparison/bin/Release/net10.0/Infisical.PeerComparison.dll)
"${peer[@]}" seed "$peers/seed.json"

port=$(( 20000 + RANDOM % 40000 ))
url="http://127.0.0.1:$port"
dotnet src/Infisical.LocalServer/bin/Release/net10.0/Infisical.LocalServer.dll --urls "$url" --seed "$peers/seed.json" --enable-test-controls >"$out/peers-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do curl -sf "$url/api/status" >/dev/null 2>&1 && break; sleep 0.2; done

results="$out/peers.jsonl"; : >"$results"
# Clients alternate within each concurrency so the machine's noise hits them alike.
for c in 1 16; do
  "${peer[@]}" load "$url" bare "$c" "$seconds" >>"$results"
  "${peer[@]}" load "$url" ours "$c" "$seconds" >>"$results"
  (cd "$peers" && node peer-bench.mjs load "$url" "$c" "$seconds") >>"$results"
  "${peer[@]}" load "$url" cached "$c" "$seconds" >>"$results"
done
for _ in 1 2 3 4 5; do
  "${peer[@]}" first-call "$url" ours >>"$results"
  (cd "$peers" && node peer-bench.mjs first-call "$url") >>"$results"
done

# The routes the first calls used (ours and Node's alternate above): shows whether both send the same request.
curl -s "$url/__test/requests" >"$out/peers-requests.json"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $seconds s per load case"
python3 - "$results" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def one(client, op, c=None):
    for r in rows:
        if r["client"] == client and r["op"] == op and (c is None or r.get("c") == c):
            return r
    return None
def ratio(a, b): return f"{a / b:.2f}x" if a and b else "-"
print("| figure | bare HttpClient (floor) | ours | ours cached | Node SDK 5.0.2 | ours/floor | ours/Node |")
print("|---|---|---|---|---|---|---|")
for c in (1, 16):
    b, o, k, n = (one(x, "get", c) for x in ("bare", "ours", "cached", "node-sdk"))
    for key, label, unit, better_high in (("p50_ms", "p50", "ms", False), ("p99_ms", "p99", "ms", False), ("per_s", "throughput", "/s", True)):
        vals = [r[key] if r else None for r in (b, o, k, n)]
        fmt = lambda v: "-" if v is None else (f"{v:,.0f} {unit}" if unit == "/s" else f"{v:.3f} {unit}")
        print(f"| get-by-name {label}, c={c} | {fmt(vals[0])} | {fmt(vals[1])} | {fmt(vals[2])} | {fmt(vals[3])} | {ratio(vals[1], vals[0])} | {ratio(vals[1], vals[3])} |")
b, o, n = (one(x, "list1000") for x in ("bare", "ours", "node-sdk"))
print(f"| list of 1,000, p50 | {b['p50_ms']:.2f} ms | {o['p50_ms']:.2f} ms | - | {n['p50_ms']:.2f} ms | {ratio(o['p50_ms'], b['p50_ms'])} | {ratio(o['p50_ms'], n['p50_ms'])} |")
def med(client, key): return statistics.median(r[key] for r in rows if r["client"] == client and r["op"] == "first-call")
for key, label in (("total_ms", "first call, fresh process (median of 5)"), ("to_main_ms", "  of which runtime start"), ("login_ms", "  of which login (+JIT / SDK load)"), ("first_get_ms", "  of which first get (+JIT)")):
    o, n = med("ours", key), med("node-sdk", key)
    print(f"| {label} | - | {o:.1f} ms | - | {n:.1f} ms | - | {ratio(o, n)} |")
print()
log = json.load(open(sys.argv[1].replace("peers.jsonl", "peers-requests.json")))["requests"]
routes = {}
for r in log:
    if r["method"] == "GET":
        routes[r["path"] + r["query"]] = routes.get(r["path"] + r["query"], 0) + 1
print("GET routes of the first-call runs (ours and Node's alternate; one route for both means the same server work):")
for route, n in sorted(routes.items(), key=lambda kv: -kv[1]):
    print(f"  {n:3d}  {route}")
PY
