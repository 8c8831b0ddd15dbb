#!/usr/bin/env bash
# What a page costs in another language against English (issue 20: "rendering a page in another language costs no
# measurable time"). One build, one demo hub with the pseudo-locale on; signed in as the first administrator, each page
# is measured with wrk (2 threads, 16 connections, 8 s) in English, German and the pseudo-locale, in alternating rounds:
# requests a second, p99, and the hub process's CPU per request (user + system, from /proc).
# Usage: bench/language-cost.sh   (ROUNDS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
DLL="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
ROUNDS="${ROUNDS:-3}"
PORT=5197
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/hub-language-cost.XXXXXX)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$WORK"' EXIT

( cd "$WORK" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Localization__Pseudo=true \
    exec dotnet "$DLL" --urls "$URL" >"$WORK/hub.log" 2>&1 ) &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" 2>/dev/null)" = 200 ]; do sleep 0.2; done
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
jar="$WORK/jar"
email="$(grep -m1 'Email:' "$WORK/hub.log" | awk '{print $2}')"
password="$(grep -m1 'Password:' "$WORK/hub.log" | awk '{print $2}')"
token="$(curl -s -c "$jar" "$URL/account/sign-in" | token_of)"
curl -s -b "$jar" -c "$jar" -o /dev/null -d "Input.Email=$email" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "$URL/account/sign-in"
cookie="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")"
# The administrator never chose a language, so the footer's cookie chooses it.
pages=("/congregations" "/gatherings")
for language in en de qps; do
  for path in "${pages[@]}"; do wrk -t2 -c16 -d3s -H "Cookie: ${cookie}hub-language=$language" "$URL$path" >/dev/null; done
done
for path in "${pages[@]}"; do
  for language in en de qps; do
    lang="$(curl -s -H "Cookie: ${cookie}hub-language=$language" "$URL$path" | grep -o '<html lang="[^"]*"')"
    echo "$path in $language: $lang"
  done
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  for path in "${pages[@]}"; do
    for language in en de qps; do
      before="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
      out="$(wrk -t2 -c16 -d8s --latency -H "Cookie: ${cookie}hub-language=$language" "$URL$path")"
      after="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
      requests="$(grep -o '[0-9]* requests in' <<<"$out" | awk '{print $1}')"
      printf 'round %s  %-4s %-16s %9s req/s  p99 %9s  CPU %6.3f ms/request%s\n' "$round" "$language" "$path" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc -l)" \
        "$(grep -q 'Non-2xx' <<<"$out" && echo '  (non-2xx answers!)')"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
