#!/usr/bin/env bash
# Build overhead of Infisical.Build, measured in one run so the machine's noise hits both sides alike: the same
# generated projects built with and without the package, alternating, against the local server seeded with 200
# secrets. Prints the median of each case, its ratio to the same build without the package, and the requests the
# server counted for one build of each case (logins, lists, 304s). With "both", the same builds run again with the
# server's latency injection set to the real server's figures (docs/local-server.md, Latency injection).
#   scripts/measure-build-overhead.sh [runs] [loopback|real|both]     (default: 5 runs per case, both)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
modes=${2:-both}
[ "$modes" = both ] && modes="loopback real"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A developer's defaults: the compiler server and reused MSBuild nodes (some CI images turn both off; a shell
# that does would make every compile pay the compiler's and the analyzers' start-up, with and without the package).
unset UseSharedCompilation MSBUILDDISABLENODEREUSE DOTNET_CLI_USE_MSBUILD_SERVER
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  dotnet build-server shutdown >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

version="0.1.0-measure.$(date +%Y%m%d%H%M%S)"
quietly() { "$@" >"$work/step.log" 2>&1 || { cat "$work/step.log" >&2; return 1; }; }
quietly dotnet pack src/Infisical.Build.Tasks/Infisical.Build.Tasks.csproj -c Release -o "$work/feed" -p:Version="$version" -nologo -clp:ErrorsOnly
quietly dotnet build src/Infisical.LocalServer/Infisical.LocalServer.csproj -c Release -nologo -clp:ErrorsOnly

# One identity, one project with 200 secrets of settings size in "dev".
python3 - "$work/seed.json" <<'PY'
import json, sys
secrets = [{"environment": "dev", "path": "/", "key": f"Section{i % 20}__Key_{i}", "value": f"Server=db{i}.internal;User=app;Password=p{i * 7919:08x}"} for i in range(200)]
json.dump({"identities": [{"name": "build", "clientId": "build-client-id", "clientSecret": "build-client-secret-not-for-production"}],
           "projects": [{"id": "3f6b1d2e-8c4a-4e7b-9a1d-5c2e7f0b4a63", "slug": "perf", "environments": ["dev"], "secrets": secrets}]}, open(sys.argv[1], "w"))
PY
port=$(( 20000 + RANDOM % 40000 ))
api="http://127.0.0.1:$port"
dotnet src/Infisical.LocalServer/bin/Release/net10.0/Infisical.LocalServer.dll --urls "$api" --seed "$work/seed.json" --enable-test-controls >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do curl -sf "$api/api/status" >/dev/null 2>&1 && break; sleep 0.2; done

cat >"$work/NuGet.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
XML
echo '<Project />' >"$work/Directory.Build.props"; echo '<Project />' >"$work/Directory.Build.targets"
package="<PackageReference Include=\"Infisical.Build\" Version=\"$version\" PrivateAssets=\"all\" />"
make_app() { # directory, extra items
  mkdir -p "$work/$1"
  local name; name=$(basename "$1")
  cat >"$work/$1/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InfisicalProjectSlug>perf</InfisicalProjectSlug></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hi");' >"$work/$1/Program.cs"
}
make_solution() { # name, extra items: six apps in one solution
  (cd "$work" && mkdir -p "$1" && dotnet new sln --format sln -n "$1" -o "$1" >/dev/null)
  for i in 1 2 3 4 5 6; do
    make_app "$1/App$i" "$2"
    dotnet sln "$work/$1/$1.sln" add "$work/$1/App$i/App$i.csproj" >/dev/null
  done
  dotnet restore "$work/$1/$1.sln" -nologo >/dev/null
}
make_app Plain ""; dotnet restore "$work/Plain" -nologo >/dev/null
make_app WithPackage "$package"; dotnet restore "$work/WithPackage" -nologo >/dev/null
make_solution Plain6 ""
make_solution WithPackage6 "$package"

export INFISICAL_API_URL="$api/api" XDG_CACHE_HOME="$work/xdg"
export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID="build-client-id" INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET="build-client-secret-not-for-production"
unset CI
build() { dotnet build "$work/$1" --no-restore -nologo -v:q -p:InfisicalEnv=dev "${@:2}" >/dev/null; }
ms() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# Cold: no stored snapshot and no cached token, the generated files left as they are.
forget() { rm -rf "$work/xdg" "$work/$1/obj/infisical/store"; }
touch_sources() { touch "$work/$1/Program.cs"; }
rebuild() { touch_sources "$1"; build "$1"; }
cold() { forget "$1"; build "$@"; }
requests() { # prints "logins lists 304s total" for the requests since the last clear
  curl -s "$api/__test/requests" | python3 -c '
import json, sys
r = json.load(sys.stdin)["requests"]
logins = sum(1 for x in r if "/auth/" in x["path"])
lists = sum(1 for x in r if x["method"] == "GET" and x["path"].rstrip("/") in ("/api/v3/secrets/raw", "/api/v4/secrets"))
print(logins, lists, sum(1 for x in r if x["status"] == 304), len(r))'
}
count() { curl -s -X DELETE "$api/__test/requests" >/dev/null; "$@"; requests; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "runs per case: $runs (alternating), machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for mode in $modes; do
  if [ "$mode" = real ]; then
    curl -sf -X PUT "$api/__test/latency" -H 'content-type: application/json' -d '{"profile":"real"}' >/dev/null
  else
    curl -sf -X DELETE "$api/__test/latency" >/dev/null
  fi
  # Unmeasured first builds (compile, first fetch, node start-up) for this mode.
  build Plain; cold WithPackage; build Plain6 -m; cold WithPackage6 -m
  declare -A t=()
  for _ in $(seq 1 "$runs"); do
    t[plain]+="$(ms build Plain) ";            t[noop]+="$(ms build WithPackage) "
    t[plain_rebuild]+="$(ms rebuild Plain) ";  t[rebuild]+="$(ms rebuild WithPackage) "
    t[forced]+="$(ms build WithPackage -p:InfisicalRefresh=true) "
    t[cold]+="$(ms cold WithPackage) "
    t[plain6]+="$(ms build Plain6 -m) ";       t[noop6]+="$(ms build WithPackage6 -m) "
    t[cold6]+="$(ms cold WithPackage6 -m) "
  done
  r_noop=$(count build WithPackage); r_rebuild=$(count rebuild WithPackage)
  r_forced=$(count build WithPackage -p:InfisicalRefresh=true); r_cold=$(count cold WithPackage)
  r_noop6=$(count build WithPackage6 -m); r_cold6=$(count cold WithPackage6 -m)
  m() { echo "${t[$1]}" | median; }
  row() { # label, case, baseline, requests
    printf '| %s | %s | %s ms | %s ms | %.2fx | %s |\n' "$mode" "$1" "$(m "$2")" "$(m "$3")" "$(echo "$(m "$2") / $(m "$3")" | bc -l)" \
      "$(echo "$4" | awk '{printf "%d logins, %d lists (%d × 304), %d total", $1, $2, $3, $4}')"
  }
  echo
  echo "| server | build | with package | without | ratio | requests per build (server log) |"
  echo "|---|---|---|---|---|---|"
  row "no-op incremental build" noop plain "$r_noop"
  row "warm rebuild (Program.cs touched), within the refresh interval" rebuild plain_rebuild "$r_rebuild"
  row "forced refresh (InfisicalRefresh=true, cached token)" forced plain "$r_forced"
  row "cold pull of 200 secrets (no snapshot, no token)" cold plain "$r_cold"
  row "6-project solution -m, no-op" noop6 plain6 "$r_noop6"
  row "6-project solution -m, cold pull (one source)" cold6 plain6 "$r_cold6"
  # Where a cold pull's time goes: the snapshot task (login + list + JIT of the client) and the render step.
  forget WithPackage
  dotnet build "$work/WithPackage" --no-restore -nologo -v:q -p:InfisicalEnv=dev -clp:PerformanceSummary 2>/dev/null \
    | awk '/Task Performance Summary/ {t=1} t && /(GetInfisicalSnapshot|FindFreshInfisicalSnapshots|ResolveInfisicalSettings|WriteInfisicalOutputs) / {printf "%s%s %s ms", sep, $3, $1; sep=", "} END {print ""}' \
    | sed "s/^/\n$mode, cold pull, time in the package's tasks: /"
  # A warm rebuild's share, free of the machine's noise: MSBuild's own timing of the package's targets.
  touch_sources WithPackage
  dotnet build "$work/WithPackage" --no-restore -nologo -v:q -p:InfisicalEnv=dev -clp:PerformanceSummary 2>/dev/null \
    | awk '/Target Performance Summary/ {t=1} /Task Performance Summary/ {t=0} t && $3 ~ /Infisical/ {sum += $1} END {printf "%s, warm rebuild, time in the package'"'"'s targets (MSBuild performance summary): %d ms\n", mode, sum}' mode="$mode"
done
