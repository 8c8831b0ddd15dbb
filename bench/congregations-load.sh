#!/usr/bin/env bash
# Seeds 40,000 invented people in 200 congregations with 100,000 conversation posts, then measures the directory,
# the network map, a search of the directory (with a typo), a congregation's page, its host dashboard and its care
# view with wrk (32 connections), as a visitor and signed in, and, signed in as a member of the first congregation,
# its conversation list and a thread of 200 posts; on SQLite, and on PostgreSQL when given.
# Usage: bench/congregations-load.sh ["Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"]
#   ONLY=REGEX bench/congregations-load.sh   measures only the paths that match (e.g. ONLY=conversations)
# Budget (DESIGN): p99 under 25 ms at 32 connections on both databases.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
DLL="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
PG_SERVER="${1:-}"
PORT=5194
URL="http://127.0.0.1:$PORT"

# Signs in as the hub's first administrator (credentials printed at first start, read from the log)
# and prints the Cookie header a signed-in request carries.
sign_in() {
  local log="$1" jar; jar="$(mktemp)"
  local email password token
  email="$(grep -m1 'Email:' "$log" | awk '{print $2}')"
  password="$(grep -m1 'Password:' "$log" | awk '{print $2}')"
  token="$(curl -s -c "$jar" "$URL/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/account/sign-in"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}

measure() {
  local label="$1" path="$2"; shift 2
  [[ "$path" =~ ${ONLY:-.} ]] || return 0
  wrk -t2 -c32 -d5s "$@" "$URL$path" >/dev/null          # warm-up
  echo "== $label $path"
  wrk -t2 -c32 -d15s --latency "$@" "$URL$path" | grep -E "Requests/sec|  50%|  90%|  99%|Non-2xx"
}

run() {
  local name="$1"; shift
  local work; work="$(mktemp -d /tmp/hub-load.XXXXXX)"
  ( cd "$work" && env "$@" dotnet "$DLL" seed --members 40000 --congregations 200 --posts 100000 | tee "$work/seed.log" | tail -2 )
  local thread; thread="$(grep -o '/congregations/[^ ]*/conversations/[0-9a-f-]*' "$work/seed.log")"
  pushd "$work" >/dev/null
  env "$@" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$DLL" --no-demo --urls "$URL" >"$work/hub.log" 2>&1 &
  local pid=$!
  popd >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.1; done
  local slug
  slug="$(curl -s "$URL/congregations?page=3" | grep -o 'href="/congregations/synthetic-[^"]*"' | head -1 | sed 's/href="\/congregations\///; s/"//')"
  # Visitors share the 5-second cached copy of the public pages.
  for path in "/congregations" "/congregations/map" "/congregations?q=lisbn" "/congregations/$slug"; do
    measure "$name, visitor" "$path"
  done
  # A signed-in person is never served from that cache: every request renders (the layout shows
  # their unread notices). The administrator counts as a host, so the host's dashboard and the care view
  # (200 members, about half of them in crews of four: the seed deals them out) are measured too.
  local cookie; cookie="$(sign_in "$work/hub.log")"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$URL/congregations/$slug/host")" = 200 ] \
    || { echo "signing in failed" >&2; kill "$pid"; exit 1; }
  for path in "/congregations" "/congregations/map" "/congregations?q=lisbn" "/congregations/$slug" "/congregations/$slug/host" "/congregations/$slug/care"; do
    measure "$name, signed in" "$path" -H "Cookie: $cookie"
  done
  # Conversations are members' alone: the administrator joins the first congregation (open to anyone signed in).
  local first="${thread%/conversations/*}" token
  token="$(curl -s -H "Cookie: $cookie" "$URL$first" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -H "Cookie: $cookie" --data-urlencode "__RequestVerificationToken=$token" "$URL$first?handler=Join"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$URL$first/conversations")" = 200 ] \
    || { echo "joining $first failed" >&2; kill "$pid"; exit 1; }
  for path in "$first/conversations" "$thread"; do
    measure "$name, member" "$path" -H "Cookie: $cookie"
  done
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done   # the port must be free for the next run
  rm -rf "$work"
}

run sqlite Database__Provider=sqlite
if [ -n "$PG_SERVER" ]; then
  db="hub_load_$(date +%s)"
  psql "$(echo "$PG_SERVER" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/')" -qc "CREATE DATABASE $db" >/dev/null
  run postgres Database__Provider=postgres "ConnectionStrings__Hub=${PG_SERVER/Database=postgres/Database=$db}"
fi
