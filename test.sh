#!/usr/bin/env bash
# Runs every test of the hub on real parts: SQLite and a real PostgreSQL server, a real SMTP and IMAP (Dovecot)
# server on loopback, Debian's Chromium for the browser journeys, axe-core and the Nu HTML Checker. Installs what is missing
# when it can (as root, with apt and npm); otherwise says what to install. Nothing is skipped.
# HUB_TEST_SCREENSHOTS=1 ./test.sh also photographs every page the browser journeys check, at 1280 and
# 375 px wide, into artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
CONFIGURATION="${CONFIGURATION:-Debug}"
LOG_DIR="$ROOT/artifacts/test-logs"
mkdir -p "$LOG_DIR"

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# --- Prerequisites -----------------------------------------------------------------------
find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

missing=()
command -v dotnet >/dev/null || fail "The .NET 10 SDK is needed: https://dot.net (dotnet-sdk-10.0)."
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)   # the Nu HTML Checker (vnu.jar)
[ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)   # the handbook's EPUB export
command -v qpdf >/dev/null || missing+=(qpdf)                    # checks the handbook's PDF export
command -v pdftotext >/dev/null || missing+=(poppler-utils)      # reads the PDF's text back
command -v prometheus >/dev/null && command -v promtool >/dev/null || missing+=(prometheus)  # scrapes /metrics for real
find_pg_bin >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)            # the mailbox replies by email come back to (tests start their own)
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

say "Installing the npm packages the tests use (tests/tools)"
if [ ! -d tests/tools/node_modules ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules ]; then
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi

# --- PostgreSQL on a free loopback port, in a temporary folder ------------------------------
PG_DIR="$(mktemp -d /tmp/hub-pg.XXXXXX)"
PG_PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
as_pg() {
  # initdb refuses to run as root: run the server as the postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_pg() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG_DIR" postgres
  chown postgres "$PG_DIR"
fi
say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 \
  || { cat "$LOG_DIR/initdb.log"; fail "initdb failed"; }
# fsync off: this server lives for one test run; durability of the hub is tested by killing the hub, not the server.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$PG_DIR/server.log"; fail "PostgreSQL did not start"; }
export HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

# --- Build once, then run every test project ----------------------------------------------
# Every in-process test host watches its settings files with inotify, and the kernel allows 128
# inotify instances per user: parallel test classes (and anyone else's tests on the machine) ran
# out. Polling watchers cost a timer instead; no test depends on settings reloading.
export DOTNET_USE_POLLING_FILE_WATCHER=true

build() {
  say "Building ($CONFIGURATION; packages as the lock files record them; analysers and code style are errors)"
  dotnet build Microsolidarity.slnx -c "$CONFIGURATION" -v q -nologo -clp:ErrorsOnly -p:RestoreLockedMode=true
}
# The build already fails on every analyser and code-style rule (EnforceCodeStyleInBuild, warnings as
# errors), which is what `dotnet format style|analyzers --verify-no-changes` would check; what is left
# for dotnet format is whitespace, checked without compiling again.
check_format() {
  say "Checking formatting (dotnet format whitespace --verify-no-changes)"
  dotnet format whitespace Microsolidarity.slnx --verify-no-changes -v q \
    || fail "Formatting differs from .editorconfig: run 'dotnet format' and commit the result."
}
vulnerable=""
check_vulnerable() {
  local report="$LOG_DIR/vulnerable-packages.json"
  if dotnet list Microsolidarity.slnx package --vulnerable --include-transitive --format json >"$report" 2>"$LOG_DIR/vulnerable-packages.err"; then
    vulnerable="$(node scripts/vulnerable-packages.js "$report")"
  else
    vulnerable="Vulnerable packages: not checked (dotnet list package failed; see $LOG_DIR/vulnerable-packages.err)"
  fi
}
durations=()
# Each step's wall time, printed at the end: the suite's budget is 20 minutes on a 2-core machine.
timed() {
  local name="$1" started=$SECONDS; shift
  "$@"
  durations+=("$(printf '%-28s %4d s' "$name" $((SECONDS - started)))")
}
timed "Build" build
timed "Formatting" check_format
timed "Package advisories" check_vulnerable

# The test processes (and the hub processes the journeys start) run hundreds of short-lived hubs, so most of
# their CPU went to the JIT: recompiling hot methods at a higher tier, with profiling first, for hubs that are
# gone a second later. Tests keep the first compilation (or the ReadyToRun code) of every method and a GC
# without its background thread; what the code does is the same, only how often it is compiled changes. The
# hub as deployed keeps the runtime's defaults. (docs/benchmarks.md: about a quarter less CPU per test.)
test_runtime=(DOTNET_TieredPGO=0 DOTNET_TC_CallCounting=0 DOTNET_gcConcurrent=0)

total_passed=0; total_failed=0; total_skipped=0; failures=()
# Runs one test project into its log (and onto the console unless "quiet"), keeping its exit code and wall time.
run_project() {
  local name="$1" project="$2" show="$3"; shift 3
  local log="$LOG_DIR/$(echo "$name" | tr ' /' '__').log"
  local started=$SECONDS code
  set +e
  if [ "$show" = quiet ]; then
    env "${test_runtime[@]}" "$@" dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo ${test_filter:+--filter "$test_filter"} >"$log" 2>&1
    code=$?
  else
    env "${test_runtime[@]}" "$@" dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo ${test_filter:+--filter "$test_filter"} 2>&1 | tee "$log"
    code=${PIPESTATUS[0]}
  fi
  set -e
  echo "$code $((SECONDS - started))" >"$log.result"
}
# Adds a finished project's counts, failures and wall time to the run's.
tally() {
  local name="$1"
  local log="$LOG_DIR/$(echo "$name" | tr ' /' '__').log"
  local code seconds
  read -r code seconds <"$log.result"
  durations+=("$(printf '%-28s %4d s' "$name" "$seconds")")
  local line
  line="$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -1 || true)"
  if [ -z "$line" ]; then
    failures+=("$name (no test summary; exit $code)"); total_failed=$((total_failed + 1)); return
  fi
  local f p s
  f="$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")"
  p="$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")"
  s="$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")"
  total_passed=$((total_passed + p)); total_failed=$((total_failed + f)); total_skipped=$((total_skipped + s))
  if [ "$code" != 0 ] || [ "$f" != 0 ]; then failures+=("$name"); fi
  if [ "$s" != 0 ]; then failures+=("$name skipped $s test(s); nothing may be skipped"); fi
}
run_tests() {
  say "$1"
  run_project "$1" "$2" show "${@:3}"
  tally "$1"
}

run_tests "Grouping tests" tests/Grouping.Tests
# Several web nodes need PostgreSQL: those tests (trait Nodes=Several) run in the PostgreSQL run only. Tests whose
# subject the database does not change (trait Database=Either: validators of the files and markup the hub makes,
# error pages, usage, telemetry) run in the SQLite run only; every other test runs on both.
test_filter="Nodes!=Several" run_tests "Hub tests on SQLite" tests/Hub.Tests HUB_TEST_PROVIDER=sqlite
postgres_filter="Database!=Either"
if [ "${TEST_OVERLAP:-0}" = 1 ]; then
  # TEST_OVERLAP=1: the browser journeys run beside the PostgreSQL run instead of after it. A journey keeps
  # about one core busy and the Hub tests leave part of the second idle while they wait on processes and
  # mail; whether that shortens the whole run on a given machine is measured, not assumed (docs/benchmarks.md).
  say "Browser tests (beside the PostgreSQL run; their output follows it)"
  run_project "Browser tests" tests/Browser.Tests quiet HUB_TEST_PROVIDER=sqlite &
  browser=$!
  test_filter="$postgres_filter" run_tests "Hub tests on PostgreSQL" tests/Hub.Tests HUB_TEST_PROVIDER=postgres
  wait "$browser" || true
  say "Browser tests"
  cat "$LOG_DIR/Browser_tests.log"
  tally "Browser tests"
else
  test_filter="$postgres_filter" run_tests "Hub tests on PostgreSQL" tests/Hub.Tests HUB_TEST_PROVIDER=postgres
  run_tests "Browser tests" tests/Browser.Tests HUB_TEST_PROVIDER=sqlite
fi

echo
say "Durations"
printf '  %s\n' "${durations[@]}"
printf '  %-28s %4d s\n' "Whole run" "$SECONDS"
echo
if [ ${#failures[@]} -gt 0 ]; then
  printf 'Failed: %s\n' "${failures[@]}"
fi
echo "$vulnerable"
echo "Tests: $total_passed passed, $total_failed failed"
[ ${#failures[@]} -eq 0 ]
