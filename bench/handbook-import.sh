#!/usr/bin/env bash
# Import, render and index a GitBook handbook with the hub, side by side with HonKit building the same
# folder. Usage: bench/handbook-import.sh [FOLDER] [RUNS]
#   FOLDER defaults to the shared corpus (../shared/corpus/gitbook/opencollective-docs).
# Needs: the .NET SDK (the hub is published here as docs/self-hosting.md deploys it: Release, ReadyToRun)
# and npx (HonKit is fetched by npx into its cache).
set -euo pipefail
cd "$(dirname "$0")/.."
FOLDER="$(realpath "${1:-../shared/corpus/gitbook/opencollective-docs}")"
RUNS="${2:-5}"
WORK="$(mktemp -d /tmp/hub-bench-handbook.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
dotnet publish src/Hub -c Release -o "$WORK/hub" -v q >/dev/null
HUB="$WORK/hub/Hub.dll"

# Both build the same copy, so the corpus is never touched. HonKit 6 aborts on GitBook's {% hint %}
# and other tags it has no plugin for, so the tag lines are removed from the copy: HonKit then renders
# the same pages with less work than the hub does on the original.
cp -r "$FOLDER" "$WORK/book"
find "$WORK/book" -name '*.md' -exec sed -i -E '/^\s*\{%.*%\}\s*$/d' {} +
now() { date +%s.%N; }

echo "== hub: migrate once (not timed), then a fresh import per run (a new database each time)"
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/data"; mkdir -p "$WORK/data"
  dotnet "$HUB" migrate --Hub:DataDirectory="$WORK/data" >/dev/null
  start=$(now)
  dotnet "$HUB" handbook import "$WORK/book" --Hub:DataDirectory="$WORK/data" >"$WORK/import.log"
  end=$(now)
  echo "hub import run $i: $(echo "$end - $start" | bc) s ($(grep -c . "$WORK/import.log") lines of output)"
done

echo "== hub: the last run's output (stage times from the start of the command; the folder is read and"
echo "   rendered while the database opens, so the final in-process figure counts only from the claim on)"
cat "$WORK/import.log"

echo "== honkit build"
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/out"
  start=$(now)
  ${HONKIT:-npx --yes honkit@6.1.7} build "$WORK/book" "$WORK/out" >"$WORK/honkit.log" 2>&1 || { tail -20 "$WORK/honkit.log"; exit 1; }
  end=$(now)
  echo "honkit build run $i: $(echo "$end - $start" | bc) s ($(find "$WORK/out" -name '*.html' | wc -l) HTML files)"
done
