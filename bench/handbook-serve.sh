#!/usr/bin/env bash
# Requests per second for one handbook page: the hub serving it, against nginx serving the same
# page's HTML as a static file, on the same machine, one after the other in one run (wrk, 32
# connections). The hub is measured twice: as a visitor gets it (the visitors' cache of a few
# seconds, as deployed) and signed out with that cache off (every request rendered).
# Usage: bench/handbook-serve.sh [FOLDER] [PAGE]
#   FOLDER defaults to the shared corpus; PAGE to a typical page of it.
# Needs: wrk and nginx (apt-get install wrk nginx), a Release build is made here.
# Budget (issue 3): the hub at least half of nginx's requests per second.
set -euo pipefail
cd "$(dirname "$0")/.."
FOLDER="$(realpath "${1:-../shared/corpus/gitbook/opencollective-docs}")"
PAGE="${2:-/handbook/collectives/choosing-a-fiscal-host}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || { echo "nginx is needed: apt-get install nginx" >&2; exit 1; }
dotnet build src/Hub -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
DLL="$PWD/src/Hub/bin/Release/net10.0/Hub.dll"
WORK="$(mktemp -d /tmp/hub-serve.XXXXXX)"
chmod 755 "$WORK"
HUB_PORT=5195; NGINX_PORT=5196
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${HUB_PID:-}" ] && kill "$HUB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

measure() {
  local label="$1" url="$2"
  wrk -t2 -c32 -d5s "$url" >/dev/null          # warm-up
  echo "== $label $url"
  wrk -t2 -c32 -d15s --latency "$url" | grep -E "Requests/sec|Transfer/sec|  50%|  99%|Non-2xx"
}

( cd "$WORK" && dotnet "$DLL" handbook import "$FOLDER" >/dev/null )
start_hub() {
  ( cd "$WORK" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Web__PublicCacheSeconds="$1" \
      dotnet "$DLL" --no-demo --urls "http://127.0.0.1:$HUB_PORT" >"$WORK/hub.log" 2>&1 ) &
  HUB_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HUB_PORT/healthz" 2>/dev/null)" = 200 ]; do sleep 0.1; done
}
stop_hub() { kill "$HUB_PID"; while kill -0 "$HUB_PID" 2>/dev/null; do sleep 0.2; done; HUB_PID=""; }

# The static copy: the very page the hub serves, saved as a file at the same path.
start_hub 5
mkdir -p "$WORK/static$(dirname "$PAGE")"
curl -sf "http://127.0.0.1:$HUB_PORT$PAGE" >"$WORK/static$PAGE.html"
echo "page: $PAGE, $(wc -c <"$WORK/static$PAGE.html") bytes of HTML"
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    location / { try_files \$uri.html \$uri =404; }
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.5

measure "nginx, static file" "http://127.0.0.1:$NGINX_PORT$PAGE"
measure "hub, visitors' cache 5 s (as deployed)" "http://127.0.0.1:$HUB_PORT$PAGE"
stop_hub
start_hub 0
measure "hub, cache off (every request rendered)" "http://127.0.0.1:$HUB_PORT$PAGE"
