#!/usr/bin/env bash
# Several web nodes of the hub on this machine, to try them: a PostgreSQL server and an S3-compatible object store
# (s3rver, from tests/tools) in a temporary folder, the hub published once and migrated once with `hub migrate`,
# N hub nodes (3 unless --nodes N) that do not migrate at start, and nginx in front sending requests to them in
# turn (no sticky sessions). Everything listens on loopback only. Ctrl-C stops all of it and removes the folder.
#
#   scripts/cluster.sh [--nodes N]
#
# Ports (environment): HUB_CLUSTER_PORT (nginx, 8080), HUB_CLUSTER_NODE_PORT (the first node; the others follow,
# 5101), HUB_CLUSTER_PG_PORT (55440), HUB_CLUSTER_S3_PORT (9100).
# Installs nginx and PostgreSQL with apt when run as root and they are missing; otherwise says what to install.
# docs/self-hosting.md ("Several web nodes") explains what the nodes share and how to run them for real.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

NODES=3
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES="${2:-}"; shift 2 ;;
    --nodes=*) NODES="${1#--nodes=}"; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "Unknown option $1 (scripts/cluster.sh --help)" ;;
  esac
done
[[ "$NODES" =~ ^[1-9][0-9]?$ ]] || fail "--nodes takes a number from 1 to 99, not '$NODES'."
PORT="${HUB_CLUSTER_PORT:-8080}"
NODE_PORT="${HUB_CLUSTER_NODE_PORT:-5101}"
PG_PORT="${HUB_CLUSTER_PG_PORT:-55440}"
S3_PORT="${HUB_CLUSTER_S3_PORT:-9100}"

# --- Prerequisites (as ./test.sh finds them) -------------------------------------------------------
find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}
find_nginx() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }
}
missing=()
command -v dotnet >/dev/null || fail "The .NET 10 SDK is needed: https://dot.net (dotnet-sdk-10.0)."
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
find_pg_bin >/dev/null || missing+=(postgresql)
find_nginx >/dev/null || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing ${missing[*]} with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    fail "Missing: ${missing[*]}. Install them, for example: sudo apt-get install ${missing[*]}"
  fi
fi
PG_BIN="$(find_pg_bin)" || fail "PostgreSQL's initdb and pg_ctl were not found under /usr/lib/postgresql (apt-get install postgresql)."
NGINX="$(find_nginx)" || fail "nginx was not found (apt-get install nginx-light)."
nginx() { "$NGINX" -p "$DIR/nginx" -e "$DIR/nginx/logs/error.log" -c "$DIR/nginx/nginx.conf" "$@"; }
if [ ! -d tests/tools/node_modules/s3rver ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules ]; then
  say "Installing the S3-compatible server (npm ci --prefix tests/tools)"
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT" "$PG_PORT" "$S3_PORT" $(seq "$NODE_PORT" $((NODE_PORT + NODES - 1))); do
  port_free "$p" || fail "Port $p on 127.0.0.1 is taken. Choose others: HUB_CLUSTER_PORT, HUB_CLUSTER_NODE_PORT, HUB_CLUSTER_PG_PORT, HUB_CLUSTER_S3_PORT."
done

# --- Everything below lives in one temporary folder, removed on the way out ------------------------
DIR="$(mktemp -d /tmp/hub-cluster.XXXXXX)"
chmod 755 "$DIR"
pids=()
as_pg() {
  # initdb refuses to run as root: run the server as the postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  say "Stopping"
  [ -f "$DIR/nginx.pid" ] && nginx -s stop 2>/dev/null || true
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  exec 3>&- 2>/dev/null || true # the object store exits when its standard input closes
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  echo "Stopped; the temporary folder is removed."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

say "PostgreSQL on 127.0.0.1:$PG_PORT"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
  mkdir -p "$DIR/pg" && chown postgres "$DIR/pg"
fi
as_pg "$PG_BIN/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log"; fail "initdb failed"; }
as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1" start >/dev/null \
  || { cat "$DIR/pg/server.log"; fail "PostgreSQL did not start"; }
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres hub || fail "Could not create the database"
DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=hub"

say "The S3-compatible object store (s3rver) on 127.0.0.1:$S3_PORT"
mkfifo "$DIR/s3.in"
# s3rver makes listing continuation tokens with a cipher OpenSSL 3 keeps only in its legacy provider.
node --openssl-legacy-provider tests/tools/s3-server.js --port "$S3_PORT" --dir "$DIR/objects" --buckets hub \
  <"$DIR/s3.in" >"$DIR/s3.log" 2>&1 &
pids+=($!)
exec 3>"$DIR/s3.in" # held open: the server runs until this closes
for _ in $(seq 1 300); do grep -q '^listening' "$DIR/s3.log" && break; sleep 0.1; done
grep -q '^listening' "$DIR/s3.log" || { cat "$DIR/s3.log"; fail "The object store did not start"; }

say "Publishing the hub (dotnet publish src/Hub -c Release)"
dotnet publish src/Hub -c Release -o "$DIR/hub" -v q -nologo >"$DIR/publish.log" 2>&1 \
  || { tail -30 "$DIR/publish.log"; fail "dotnet publish failed"; }

# What every node shares: the database, the object store. The keys that protect cookies live in the database.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
export Database__Provider=postgres ConnectionStrings__Hub="$DB" Database__MigrateAtStart=false
export Files__Store=S3 Files__S3__ServiceUrl="http://127.0.0.1:$S3_PORT" Files__S3__Bucket=hub \
  Files__S3__AccessKey=S3RVER Files__S3__SecretKey=S3RVER Files__S3__ForcePathStyle=true
export Hub__PublicUrl="http://localhost:$PORT" ReverseProxy__KnownProxies__0=127.0.0.1

say "Migrating once (hub migrate)"
mkdir -p "$DIR/migrate"
(cd "$DIR/migrate" && dotnet "$DIR/hub/Hub.dll" migrate) >"$DIR/migrate.log" 2>&1 || { cat "$DIR/migrate.log"; fail "hub migrate failed"; }
tail -1 "$DIR/migrate.log"

start_node() {
  local n="$1" port=$((NODE_PORT + $1 - 1))
  mkdir -p "$DIR/node$n"
  (cd "$DIR/node$n" && exec dotnet "$DIR/hub/Hub.dll" --urls "http://127.0.0.1:$port") >"$DIR/node$n.log" 2>&1 &
  pids+=($!)
}
wait_ready() {
  local n="$1" port=$((NODE_PORT + $1 - 1))
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && { echo "node $n ready on 127.0.0.1:$port"; return 0; }
    sleep 0.25
  done
  tail -40 "$DIR/node$n.log"
  fail "node $n did not become ready within 5 minutes"
}
# All at once: one of them (under a lock in the database) creates the administrator and the demo community.
say "Starting $NODES hub nodes on 127.0.0.1:$NODE_PORT-$((NODE_PORT + NODES - 1))"
for n in $(seq 1 "$NODES"); do start_node "$n"; done
for n in $(seq 1 "$NODES"); do wait_ready "$n"; done

say "nginx on 127.0.0.1:$PORT"
mkdir -p "$DIR/nginx/logs" "$DIR/nginx/temp"
{
  echo "pid $DIR/nginx.pid;"
  echo "error_log $DIR/nginx/logs/error.log warn;"
  [ "$(id -u)" = 0 ] && echo "user root;"
  cat <<EOF
events {}
http {
    access_log $DIR/nginx/logs/access.log;
    client_body_temp_path $DIR/nginx/temp/body;
    proxy_temp_path $DIR/nginx/temp/proxy;
    fastcgi_temp_path $DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $DIR/nginx/temp/uwsgi;
    scgi_temp_path $DIR/nginx/temp/scgi;
    client_max_body_size 300m; # the largest upload the hub takes (podcast audio)

    # Every node, in turn: no sticky sessions, any node serves any request. A node that refuses connections or
    # times out is skipped and tried again after fail_timeout.
    upstream hub {
$(for n in $(seq 1 "$NODES"); do echo "        server 127.0.0.1:$((NODE_PORT + n - 1)) max_fails=1 fail_timeout=5s;"; done)
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$PORT;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host localhost;  # the hub's own name, never the client's
        proxy_set_header X-Forwarded-For \$remote_addr;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_next_upstream error timeout;
        # Which node answered, to see the turns (for trying it out; leave it out in production).
        add_header X-Hub-Node \$upstream_addr always;

        location / {
            proxy_pass http://hub;
        }
        # The live streams (server-sent events: a meeting room, the unread count, an import's progress): passed on
        # as they come, and kept open.
        location ~ /events\$ {
            proxy_pass http://hub;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }
    }
}
EOF
} >"$DIR/nginx/nginx.conf"
nginx -t -q || fail "nginx refused the configuration ($DIR/nginx/nginx.conf)"
nginx || fail "nginx did not start"

credentials="$(cat "$DIR"/node*.log | sed -n '/first administrator was created/,/stored nowhere/p')"
cat <<EOF

The hub runs on $NODES nodes behind nginx:  http://localhost:$PORT

${credentials:-  (No administrator was created: the database already had one.)}

Each answer names its node in the X-Hub-Node header:
  curl -sI http://localhost:$PORT/ | grep -i x-hub-node
Stop one node to see the others carry on:  kill <pid>   (node pids: ${pids[*]:1})
Logs: $DIR/node<N>.log, $DIR/nginx/logs/, $DIR/pg/server.log
Ctrl-C stops everything and removes $DIR.
EOF

# Waits until Ctrl-C; a node that ends (killed to try it) is reported, not fatal.
while true; do
  for i in "${!pids[@]}"; do
    [ "$i" = 0 ] && continue
    if ! kill -0 "${pids[$i]}" 2>/dev/null && [ ! -f "$DIR/gone.$i" ]; then
      touch "$DIR/gone.$i"
      echo "node $i (pid ${pids[$i]}) has stopped; nginx sends its requests to the others."
    fi
  done
  sleep 1
done
