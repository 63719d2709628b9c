#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: installs what the tests need, builds, packs the
# Infisical.Build nupkg once into a local feed (the end-to-end tests consume it), runs every test project,
# and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# python-dotenv, read back by the .env dialect tests through Debian's python3 (a pyenv python3 on PATH lacks
# Debian's dist-packages). CI runs as root on Debian; the package lists are refreshed only when needed.
if ! /usr/bin/python3 -c 'import dotenv' 2>/dev/null; then
  apt-get install -y -qq python3-dotenv >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3-dotenv; }
fi

# npm packages used by the tests (a real dotenv parser reads back the generated .env files).
for pkg in tests/*/package.json; do
  [ -e "$pkg" ] || continue
  npm ci --prefix "$(dirname "$pkg")" --no-audit --no-fund --loglevel=error
done

# mono runs the package's tasks/net472 build (the one Visual Studio's .NET Framework MSBuild loads) through
# tests/Infisical.Build.NetFxHost. Debian's mono-devel is the smallest package set that can: mono-runtime alone
# lacks the reference facades (netstandard.dll) that the netstandard2.0 dependencies bind to at run time.
if ! command -v mono >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    # A fresh image may have no package lists yet.
    if ! apt-cache policy mono-devel 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      $sudo apt-get update -qq
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends mono-devel >/dev/null
  else
    echo "mono is not installed and apt-get is not available: install mono for the tasks/net472 tests." >&2
  fi
fi

results="$root/artifacts/test-results"
rm -rf "$results"
dotnet build Infisical.Build.sln -c Release -nologo -clp:ErrorsOnly
# The end-to-end tests restore this feed instead of packing again inside each test process.
export INFISICAL_BUILD_TEST_FEED="$root/artifacts/test-feed"
rm -rf "$INFISICAL_BUILD_TEST_FEED"
dotnet pack Infisical.Build.sln -c Release --no-build -nologo -o "$INFISICAL_BUILD_TEST_FEED" -clp:ErrorsOnly

status=0
dotnet test Infisical.Build.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# One closing line summed over every test project's TRX file.
python3 - "$results" <<'PY' || true
import sys, glob, re
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m: continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(attrs.get("passed", 0)); f += int(attrs.get("failed", 0)) + int(attrs.get("error", 0))
    s += int(attrs.get("notExecuted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
