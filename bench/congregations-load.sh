#!/usr/bin/env bash
# Seeds 40,000 invented people in 200 congregations, then measures the directory and a
# congregation's page with wrk (32 connections), on SQLite, and on PostgreSQL when given.
# Usage: bench/congregations-load.sh ["Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"]
# Budget (DESIGN): p99 under 25 ms at 32 connections on both databases.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
DLL="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
PG_SERVER="${1:-}"
PORT=5194
URL="http://127.0.0.1:$PORT"

run() {
  local name="$1"; shift
  local cache="$1"; shift
  local work; work="$(mktemp -d /tmp/hub-load.XXXXXX)"
  ( cd "$work" && env "$@" dotnet "$DLL" seed --members 40000 --congregations 200 | tail -1 )
  pushd "$work" >/dev/null
  env "$@" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Web__PublicCacheSeconds="$cache" \
    dotnet "$DLL" --no-demo --urls "$URL" >"$work/hub.log" 2>&1 &
  local pid=$!
  popd >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.1; done
  local slug
  slug="$(curl -s "$URL/congregations?page=3" | grep -o 'href="/congregations/synthetic-[^"]*"' | head -1 | sed 's/href="\/congregations\///; s/"//')"
  for path in "/congregations" "/congregations/$slug"; do
    wrk -t2 -c32 -d5s "$URL$path" >/dev/null          # warm-up
    echo "== $name (visitors' cache ${cache} s) $path"
    wrk -t2 -c32 -d15s --latency "$URL$path" | grep -E "Requests/sec|  50%|  90%|  99%|Non-2xx"
  done
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done   # the port must be free for the next run
  rm -rf "$work"
}

# Each database twice: as deployed (visitors share a 5-second cached copy) and with the cache off (0),
# which is what every signed-in member gets.
run sqlite 5 Database__Provider=sqlite
run sqlite 0 Database__Provider=sqlite
if [ -n "$PG_SERVER" ]; then
  db="hub_load_$(date +%s)"
  psql "$(echo "$PG_SERVER" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/')" -qc "CREATE DATABASE $db" >/dev/null
  run postgres 5 Database__Provider=postgres "ConnectionStrings__Hub=${PG_SERVER/Database=postgres/Database=$db}"
  db="hub_load_$(date +%s)_nocache"
  psql "$(echo "$PG_SERVER" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/')" -qc "CREATE DATABASE $db" >/dev/null
  run postgres 0 Database__Provider=postgres "ConnectionStrings__Hub=${PG_SERVER/Database=postgres/Database=$db}"
fi
