#!/usr/bin/env bash
# What a signed-in page costs against a visitor's cached page, side by side for two builds (issue 21, item 7).
# Seeds 40,000 invented people in 200 congregations with 100,000 posts once; then, in alternating rounds, starts each
# build on its own copy of that database, signs in as the first administrator (who joins the first congregation and,
# as an administrator, counts as its host), warms every page for 4 s and measures each with wrk (2 threads,
# 32 connections, 10 s): requests a second, p99, and the hub process's CPU per request (user + system, from /proc),
# so a busy machine moves the times more than the CPU. Pages: the directory (a visitor's cached copy, and signed in),
# the first congregation's page, its host dashboard and its care view, and /me/journal.
# Usage: bench/signed-in-cost.sh [BEFORE_HUB_DLL]   (the working tree, built in Release, is "after")
#   ROUNDS=3 (default)
#   PG="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"   on PostgreSQL instead of SQLite: the seed goes
#   into a database of its own, and each run gets a copy of it (CREATE DATABASE ... TEMPLATE)
set -euo pipefail
trap 'echo "stopped at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
AFTER="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
BEFORE="${1:-}"
ROUNDS="${ROUNDS:-3}"
PORT=5195
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/hub-cost.XXXXXX)"
HUB_PID=""
# A hub left running would hold the port (and any lock the caller took around this script, which it inherits).
stop_hub() {
  if [ -n "$HUB_PID" ]; then kill "$HUB_PID" 2>/dev/null || true; wait "$HUB_PID" 2>/dev/null || true; fi
  HUB_PID=""
}
trap 'stop_hub; rm -rf "$WORK"' EXIT

PG="${PG:-}"
SEEDED_DB="hub_cost_$(date +%s)"
psql_of() { echo "$1" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/'; }
database_env() {  # the environment a run on database $1 needs
  if [ -n "$PG" ]; then echo "Database__Provider=postgres ConnectionStrings__Hub=${PG/Database=postgres/Database=$1}"
  else echo "Database__Provider=sqlite"; fi
}
if [ -n "$PG" ]; then
  psql "$(psql_of "$PG")" -qc "CREATE DATABASE $SEEDED_DB" >/dev/null
  trap 'stop_hub; rm -rf "$WORK"; psql "$(psql_of "$PG")" -qc "DROP DATABASE IF EXISTS $SEEDED_DB" >/dev/null 2>&1 || true' EXIT
fi
# shellcheck disable=SC2046
( cd "$WORK" && env $(database_env "$SEEDED_DB") dotnet "$AFTER" seed --members 40000 --congregations 200 --posts 100000 >"$WORK/seed.log" )
THREAD="$(grep -o '/congregations/[^ ]*/conversations/[0-9a-f-]*' "$WORK/seed.log")"
FIRST="${THREAD%/conversations/*}"
[ -z "$PG" ] && cp -r "$WORK/data" "$WORK/seeded"

# The first token on a page (sed reads to the end: with `head -1`, grep could die of a closed pipe, which pipefail ends the run on).
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed -n '1{s/.*value="//; s/"$//; p}'; }

# One build: its own copy of the seeded database, signed in, warmed, then each page measured.
measure_build() {
  local name="$1" dll="$2" dir="$WORK/run-$1" db="${SEEDED_DB}_$1"
  rm -rf "$dir"; mkdir -p "$dir"
  if [ -n "$PG" ]; then
    psql "$(psql_of "$PG")" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $SEEDED_DB" >/dev/null
  else
    cp -r "$WORK/seeded" "$dir/data"
  fi
  # shellcheck disable=SC2046
  ( cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning $(database_env "$db") \
      dotnet "$dll" --no-demo --urls "$URL" >"$dir/hub.log" 2>&1 ) &
  local pid=$!
  HUB_PID=$pid
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.2; done
  local jar="$dir/jar" email password token cookie
  email="$(grep -m1 'Email:' "$dir/hub.log" | awk '{print $2}')"
  password="$(grep -m1 'Password:' "$dir/hub.log" | awk '{print $2}')"
  token="$(curl -s -c "$jar" "$URL/account/sign-in" | token_of)"
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/account/sign-in"
  cookie="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")"
  token="$(curl -s -H "Cookie: $cookie" "$URL$FIRST" | token_of)"
  curl -s -o /dev/null -H "Cookie: $cookie" --data-urlencode "__RequestVerificationToken=$token" "$URL$FIRST?handler=Join"
  local pages=("visitor /congregations" "member /congregations" "member $FIRST" "member $FIRST/host" "member $FIRST/care" "member /me/journal")
  for page in "${pages[@]}"; do
    local who="${page%% *}" path="${page#* }" header=()
    [ "$who" = member ] && header=(-H "Cookie: $cookie")
    wrk -t2 -c32 -d4s "${header[@]}" "$URL$path" >/dev/null
  done
  for page in "${pages[@]}"; do
    local who="${page%% *}" path="${page#* }" header=()
    [ "$who" = member ] && header=(-H "Cookie: $cookie")
    local before after out
    before="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    out="$(wrk -t2 -c32 -d10s --latency "${header[@]}" "$URL$path")"
    after="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    local requests rps p99 non
    requests="$(grep -o '[0-9]* requests in' <<<"$out" | awk '{print $1}')"
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    non="$(grep -c 'Non-2xx' <<<"$out" || true)"
    printf '%-7s %-8s %-52s %9s req/s  p99 %9s  CPU %6.3f ms/request%s\n' "$name" "$who" "$path" "$rps" "$p99" \
      "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc -l)" "$([ "$non" != 0 ] && echo '  (non-2xx answers!)')"
  done
  stop_hub
  [ -n "$PG" ] && psql "$(psql_of "$PG")" -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  return 0
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  echo "== round $round"
  [ -n "$BEFORE" ] && measure_build before "$BEFORE"
  measure_build after "$AFTER"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
