#!/usr/bin/env bash
# The README demo, on a fresh clone with only the .NET SDK:
#   1. packs Infisical.Build and the runtime package into artifacts/demo-feed (a fresh version, so no stale cached package can win),
#   2. starts the local Infisical server on a free loopback port, seeded with samples/demo-seed.json,
#   3. builds samples/DemoApp with -p:InfisicalEnv=dev, credentials in environment variables only,
#   4. runs it (it prints which settings it received, values masked), and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

feed="$root/artifacts/demo-feed"
version="0.1.0-demo.$(date +%Y%m%d%H%M%S)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

echo "==> Packing Infisical.Build and Infisical.Extensions.Configuration $version into artifacts/demo-feed"
mkdir -p "$feed"
rm -f "$feed"/Infisical.Build.*.nupkg "$feed"/Infisical.Client.*.nupkg "$feed"/Infisical.Extensions.Configuration.*.nupkg
# The two packages version together; the runtime package depends on the client package of the same version.
for project in src/Infisical.Build.Tasks/Infisical.Build.Tasks.csproj src/Infisical.Client/Infisical.Client.csproj \
               src/Infisical.Extensions.Configuration/Infisical.Extensions.Configuration.csproj; do
  dotnet pack "$project" -c Release -o "$feed" -p:Version="$version" -nologo -clp:ErrorsOnly
done

echo "==> Building the local Infisical server"
dotnet build src/Infisical.LocalServer/Infisical.LocalServer.csproj -c Release -nologo -clp:ErrorsOnly
server_dll="$root/src/Infisical.LocalServer/bin/Release/net10.0/Infisical.LocalServer.dll"

# A free loopback port: nothing answers on it (bash's /dev/tcp, no other tools needed).
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "no free port found" >&2; exit 1; }

echo "==> Starting the local Infisical server on http://127.0.0.1:$port"
dotnet "$server_dll" --urls "http://127.0.0.1:$port" --seed "$root/samples/demo-seed.json" &
server_pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "the local server exited" >&2; exit 1; }
  sleep 0.2
done

echo "==> Building samples/DemoApp with -p:InfisicalEnv=dev (credentials only in environment variables)"
export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID="demo-client-id"
export INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET="demo-client-secret-not-for-production"
export INFISICAL_API_URL="http://127.0.0.1:$port/api"
dotnet build samples/DemoApp/DemoApp.csproj -p:InfisicalEnv=dev -p:InfisicalBuildVersion="$version" -nologo -tl:off -v:minimal

echo "==> Running DemoApp"
dotnet samples/DemoApp/bin/Debug/net10.0/DemoApp.dll
