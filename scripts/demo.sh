#!/usr/bin/env bash
# The README demo, on a fresh clone with only the .NET SDK:
#   1. packs Infisical.Build and the runtime package into artifacts/demo-feed (a fresh version, so no stale cached package can win),
#   2. starts the local Infisical server on a free loopback port, seeded with samples/demo-seed.json,
#   3. builds samples/DemoApp with -p:InfisicalEnv=dev, credentials in environment variables only,
#   4. runs it (it prints which settings it received, values masked),
#   5. builds samples/EncryptedWebApp in encrypt mode, shows that no seeded value is in any byte under its bin/ and
#      obj/, starts it (it opens the file with one KMS decrypt) and asks it which settings arrived, then stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

feed="$root/artifacts/demo-feed"
version="0.1.0-demo.$(date +%Y%m%d%H%M%S)"
server_pid=""
app_pid=""
cleanup() {
  for pid in "$app_pid" "$server_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
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
free_port() {
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}
wait_for_port() { # port pid
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || { echo "the process for port $1 exited" >&2; return 1; }
    sleep 0.2
  done
  echo "nothing listened on port $1" >&2
  return 1
}
port=$(free_port)

echo "==> Starting the local Infisical server on http://127.0.0.1:$port"
dotnet "$server_dll" --urls "http://127.0.0.1:$port" --seed "$root/samples/demo-seed.json" &
server_pid=$!
wait_for_port "$port" "$server_pid"

echo "==> Building samples/DemoApp with -p:InfisicalEnv=dev (credentials only in environment variables)"
export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID="demo-client-id"
export INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET="demo-client-secret-not-for-production"
export INFISICAL_API_URL="http://127.0.0.1:$port/api"
dotnet build samples/DemoApp/DemoApp.csproj -p:InfisicalEnv=dev -p:InfisicalBuildVersion="$version" -nologo -tl:off -v:minimal

echo "==> Running DemoApp"
dotnet samples/DemoApp/bin/Debug/net10.0/DemoApp.dll

echo
echo "==> Building samples/EncryptedWebApp in encrypt mode (InfisicalMode=encrypt, KMS key demo-settings)"
dotnet build samples/EncryptedWebApp/EncryptedWebApp.csproj -p:InfisicalEnv=dev -p:InfisicalBuildVersion="$version" -nologo -tl:off -v:minimal

echo "==> Looking for every seeded value in every file under its bin/ and obj/"
python3 - "$root/samples/demo-seed.json" "$root/samples/EncryptedWebApp" <<'PY'
import json, os, sys
seed = json.load(open(sys.argv[1], encoding="utf-8"))
values = [s["value"].encode() for p in seed["projects"] for s in p.get("secrets", []) if len(s["value"]) >= 6]
found, files = [], 0
for folder in ("bin", "obj"):
    for base, _, names in os.walk(os.path.join(sys.argv[2], folder)):
        for name in names:
            data = open(os.path.join(base, name), "rb").read()
            files += 1
            found += [os.path.join(base, name) for v in values if v in data]
print(f"    {files} files scanned, {len(values)} values looked for: {'none found' if not found else 'FOUND in ' + ', '.join(sorted(set(found)))}")
sys.exit(1 if found else 0)
PY
head -c 120 samples/EncryptedWebApp/bin/Debug/net10.0/appsettings.Infisical.json; echo " ..."

app_port=$(free_port)
echo "==> Starting EncryptedWebApp on http://127.0.0.1:$app_port (credentials in its environment; one KMS decrypt at start-up)"
dotnet samples/EncryptedWebApp/bin/Debug/net10.0/EncryptedWebApp.dll --urls "http://127.0.0.1:$app_port" --Infisical:Environment=dev >/dev/null &
app_pid=$!
wait_for_port "$app_port" "$app_pid"
python3 -c "import sys, urllib.request; print('    GET /settings ->', urllib.request.urlopen(sys.argv[1]).read().decode())" "http://127.0.0.1:$app_port/settings"
