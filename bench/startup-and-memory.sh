#!/usr/bin/env bash
# Time from start to the first 200 from /healthz, and resident memory idle and after 10,000 requests.
# Usage: bench/startup-and-memory.sh [runs]   (budgets: start under 2 s, memory under 150 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
DLL="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
WORK="$(mktemp -d /tmp/hub-bench.XXXXXX)"
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
PORT=5187
URL="http://127.0.0.1:$PORT"

start_hub() {
  ASPNETCORE_ENVIRONMENT=Production dotnet "$DLL" --urls "$URL" >"$WORK/hub.log" 2>&1 &
  PID=$!
}
wait_healthy() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.01; done
}
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$PID/status"; }

# First start: migrations, the first administrator and the demo community.
t0=$(date +%s%N); start_hub; wait_healthy; t1=$(date +%s%N)
echo "first start (new database, demo seeded): $(( (t1 - t0) / 1000000 )) ms"
kill "$PID"; wait "$PID" 2>/dev/null || true

echo "warm starts (database exists):"
for i in $(seq "$RUNS"); do
  t0=$(date +%s%N); start_hub; wait_healthy; t1=$(date +%s%N)
  echo "  run $i: $(( (t1 - t0) / 1000000 )) ms"
  kill "$PID"; wait "$PID" 2>/dev/null || true
done

start_hub; wait_healthy
sleep 5
echo "resident memory, idle after start: $(rss_mb) MB"
# 10,000 requests for the home page (a rendered page through the whole pipeline), 16 at a time.
codes=$(curl -s -o /dev/null -w '%{http_code}\n' --parallel --parallel-max 16 "$URL/?n=[1-10000]" | sort | uniq -c | tr '\n' ' ')
echo "responses: $codes"
echo "resident memory, after 10,000 requests: $(rss_mb) MB"
sleep 5
echo "resident memory, 5 s later: $(rss_mb) MB"
