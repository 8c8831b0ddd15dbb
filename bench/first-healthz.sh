#!/usr/bin/env bash
# One start of the built hub (Release) on an existing database, until /healthz first answers 200; then it stops.
# Usage: bench/first-healthz.sh DATA_PARENT_FOLDER   (time it with hyperfine or /usr/bin/time)
set -euo pipefail
DLL="$(cd "$(dirname "$0")/.." && pwd)/src/Hub/bin/Release/net10.0/Hub.dll"
cd "${1:?give the folder that holds data/}"
URL=http://127.0.0.1:5186
ASPNETCORE_ENVIRONMENT=Production dotnet "$DLL" --no-demo --urls "$URL" >/dev/null 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.01; done
kill "$PID"
wait "$PID" 2>/dev/null || true
