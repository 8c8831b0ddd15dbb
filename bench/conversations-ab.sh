#!/usr/bin/env bash
# Issue 19's goal side by side for two builds: a congregation's conversation list and a thread of 200 posts, signed in,
# at 40,000 members, 200 congregations and 100,000 posts, on SQLite and, when given, on PostgreSQL. Seeds each database
# once; then, in alternating rounds, starts each build on its own copy of it (a file copy; on PostgreSQL a database made
# from the seeded one as template), signs in as the first administrator, joins the first congregation, warms each page
# for 5 s and measures it with wrk (2 threads, 32 connections, 15 s): requests a second, p50, p99, and the hub's CPU per
# request (user + system, from /proc), which a busy machine moves less than the times.
# Usage: bench/conversations-ab.sh [BEFORE_HUB_DLL] ["Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"]
#   ROUNDS=2 (default)   (the working tree is built in Release and is "after")
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
AFTER="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
BEFORE="${1:-}"
PG_SERVER="${2:-}"
ROUNDS="${ROUNDS:-2}"
PORT=5196
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/hub-conversations.XXXXXX)"
STAMP="$(date +%s)"
psql_of() { echo "$1" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/'; }
cleanup() {
  rm -rf "$WORK"
  if [ -n "$PG_SERVER" ]; then
    for db in $(psql "$(psql_of "$PG_SERVER")" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'hub_conv_${STAMP}%'"); do
      psql "$(psql_of "$PG_SERVER")" -qc "DROP DATABASE $db" >/dev/null || true
    done
  fi
}
trap cleanup EXIT

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

( cd "$WORK" && Database__Provider=sqlite dotnet "$AFTER" seed --members 40000 --congregations 200 --posts 100000 >"$WORK/seed-sqlite.log" )
cp -r "$WORK/data" "$WORK/seeded"
if [ -n "$PG_SERVER" ]; then
  psql "$(psql_of "$PG_SERVER")" -qc "CREATE DATABASE hub_conv_${STAMP}_seed" >/dev/null
  ( cd "$WORK" && env Database__Provider=postgres "ConnectionStrings__Hub=${PG_SERVER/Database=postgres/Database=hub_conv_${STAMP}_seed}" \
      dotnet "$AFTER" seed --members 40000 --congregations 200 --posts 100000 >"$WORK/seed-postgres.log" )
fi

# One build on one database: its own copy of the seeded data, signed in, joined, warmed, then each page measured.
measure_build() {
  local name="$1" dll="$2" database="$3" run="$4" dir="$WORK/run-$4" env=()
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$database" = sqlite ]; then
    cp -r "$WORK/seeded" "$dir/data"; env=(Database__Provider=sqlite)
  else
    psql "$(psql_of "$PG_SERVER")" -qc "CREATE DATABASE hub_conv_${STAMP}_$run TEMPLATE hub_conv_${STAMP}_seed" >/dev/null
    env=(Database__Provider=postgres "ConnectionStrings__Hub=${PG_SERVER/Database=postgres/Database=hub_conv_${STAMP}_$run}")
  fi
  local thread; thread="$(grep -o '/congregations/[^ ]*/conversations/[0-9a-f-]*' "$WORK/seed-$database.log")"
  local first="${thread%/conversations/*}"
  ( cd "$dir" && exec env "${env[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
      dotnet "$dll" --no-demo --urls "$URL" >"$dir/hub.log" 2>&1 ) &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.2; done
  local jar="$dir/jar" email password token cookie
  email="$(grep -m1 'Email:' "$dir/hub.log" | awk '{print $2}')"
  password="$(grep -m1 'Password:' "$dir/hub.log" | awk '{print $2}')"
  token="$(curl -s -c "$jar" "$URL/account/sign-in" | token_of)"
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/account/sign-in"
  cookie="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")"
  token="$(curl -s -H "Cookie: $cookie" "$URL$first" | token_of)"
  curl -s -o /dev/null -H "Cookie: $cookie" --data-urlencode "__RequestVerificationToken=$token" "$URL$first?handler=Join"
  local size
  size="$(curl -s -H "Cookie: $cookie" "$URL$thread" | wc -c)"
  for path in "$first/conversations" "$thread"; do
    local label; label="$([ "$path" = "$thread" ] && echo "thread ($((size / 1024)) KB)" || echo "list")"
    wrk -t2 -c32 -d5s -H "Cookie: $cookie" "$URL$path" >/dev/null
    local before after out requests rps p50 p99 non
    before="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    out="$(wrk -t2 -c32 -d15s --latency -H "Cookie: $cookie" "$URL$path")"
    after="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    requests="$(grep -o '[0-9]* requests in' <<<"$out" | awk '{print $1}')"
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    non="$(grep -c 'Non-2xx' <<<"$out" || true)"
    printf '%-8s %-7s %-16s %9s req/s  p50 %9s  p99 %9s  CPU %6.3f ms/request%s\n' "$database" "$name" "$label" "$rps" "$p50" "$p99" \
      "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc -l)" "$([ "$non" != 0 ] && echo '  (non-2xx answers!)')"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  while curl -s -o /dev/null "$URL/healthz" 2>/dev/null; do sleep 0.2; done   # the port must be free for the next build
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  echo "== round $round"
  for database in sqlite $([ -n "$PG_SERVER" ] && echo postgres); do
    [ -n "$BEFORE" ] && measure_build before "$BEFORE" "$database" "${round}_before_$database"
    measure_build after "$AFTER" "$database" "${round}_after_$database"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
