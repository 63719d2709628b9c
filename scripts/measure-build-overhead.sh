#!/usr/bin/env bash
# Build overhead of Infisical.Build, measured in one run so the machine's noise hits both sides alike:
# the same one-file console app built with and without the package, alternating, against the local server.
# Prints the median of each case and the ratio to the build without the package, plus the server's request count.
#   scripts/measure-build-overhead.sh [runs]      (default 7 runs per case)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-7}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

version="0.1.0-measure.$(date +%Y%m%d%H%M%S)"
dotnet pack src/Infisical.Build.Tasks/Infisical.Build.Tasks.csproj -c Release -o "$work/feed" -p:Version="$version" -nologo -clp:ErrorsOnly >/dev/null
dotnet build src/Infisical.LocalServer/Infisical.LocalServer.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
port=$(( 20000 + RANDOM % 40000 ))
dotnet src/Infisical.LocalServer/bin/Release/net10.0/Infisical.LocalServer.dll --urls "http://127.0.0.1:$port" --seed "$root/samples/demo-seed.json" --enable-test-controls >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done

cat >"$work/NuGet.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
XML
echo '<Project />' >"$work/Directory.Build.props"; echo '<Project />' >"$work/Directory.Build.targets"
make_app() { # name, extra items
  mkdir -p "$work/$1"
  cat >"$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InfisicalProjectSlug>demo</InfisicalProjectSlug></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hi");' >"$work/$1/Program.cs"
  dotnet restore "$work/$1" -nologo >/dev/null
}
make_app Plain ""
make_app WithPackage "<PackageReference Include=\"Infisical.Build\" Version=\"$version\" PrivateAssets=\"all\" />"

export INFISICAL_API_URL="http://127.0.0.1:$port/api" XDG_CACHE_HOME="$work/xdg"
export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID="demo-client-id" INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET="demo-client-secret-not-for-production"
unset CI
build() { dotnet build "$work/$1" --no-restore -nologo -v:q -p:InfisicalEnv=dev "${@:2}" >/dev/null; }
ms() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
requests() { curl -s "http://127.0.0.1:$port/__test/requests" | { grep -o '"path"' || true; } | wc -l; }

build Plain; build WithPackage   # cold builds, not measured
declare -A times
for _ in $(seq 1 "$runs"); do
  times[plain]+="$(ms build Plain) "
  times[warm]+="$(ms build WithPackage) "
  times[forced]+="$(ms build WithPackage -p:InfisicalRefresh=true) "
done
curl -s -X DELETE "http://127.0.0.1:$port/__test/requests" >/dev/null
build WithPackage; warm_requests=$(requests)
build WithPackage -p:InfisicalRefresh=true; forced_requests=$(( $(requests) - warm_requests ))

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
plain=$(echo "${times[plain]}" | median); warm=$(echo "${times[warm]}" | median); forced=$(echo "${times[forced]}" | median)
echo "runs per case: $runs (alternating), machine: $(nproc) cores"
printf '%-44s %8s ms\n' "no-op build, no package" "$plain"
printf '%-44s %8s ms  %5.2fx  requests: %s\n' "warm build with the package (in interval)" "$warm" "$(echo "$warm / $plain" | bc -l)" "$warm_requests"
printf '%-44s %8s ms  %5.2fx  requests: %s\n' "forced refresh (304, cached token)" "$forced" "$(echo "$forced / $plain" | bc -l)" "$forced_requests"
