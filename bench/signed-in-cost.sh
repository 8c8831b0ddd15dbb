#!/usr/bin/env bash
# What a signed-in page costs against a visitor's cached page, side by side for two builds (issue 21, item 7).
# Seeds 40,000 invented people in 200 congregations with 100,000 posts once; then, in alternating rounds, starts each
# build on its own copy of that database, signs in as the first administrator (a member of the first congregation),
# warms every page for 20 s and measures each with wrk (2 threads, 32 connections, 10 s): requests a second, p99,
# and the hub process's CPU per request (user + system, from /proc), so a busy machine moves the times more than
# the CPU.
# Usage: bench/signed-in-cost.sh [BEFORE_HUB_DLL]   (the working tree is built in Release and is "after")
#   ROUNDS=3 (default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
AFTER="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
BEFORE="${1:-}"
ROUNDS="${ROUNDS:-3}"
PORT=5195
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/hub-cost.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

( cd "$WORK" && Database__Provider=sqlite dotnet "$AFTER" seed --members 40000 --congregations 200 --posts 100000 >"$WORK/seed.log" )
THREAD="$(grep -o '/congregations/[^ ]*/conversations/[0-9a-f-]*' "$WORK/seed.log")"
FIRST="${THREAD%/conversations/*}"
cp -r "$WORK/data" "$WORK/seeded"

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# One build: its own copy of the seeded database, signed in, warmed, then each page measured.
measure_build() {
  local name="$1" dll="$2" dir="$WORK/run-$1"
  rm -rf "$dir"; mkdir -p "$dir"; cp -r "$WORK/seeded" "$dir/data"
  ( cd "$dir" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Database__Provider=sqlite \
      exec dotnet "$dll" --no-demo --urls "$URL" >"$dir/hub.log" 2>&1 ) &
  local pid=$!
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
  local pages=("visitor /congregations" "member /congregations" "member $FIRST" "member $FIRST/conversations" "member /me/journal")
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
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  echo "== round $round"
  [ -n "$BEFORE" ] && measure_build before "$BEFORE"
  measure_build after "$AFTER"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
