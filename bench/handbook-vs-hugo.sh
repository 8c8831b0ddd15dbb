#!/usr/bin/env bash
# `hub handbook import` of a GitBook folder side by side with Hugo building the same Markdown with a minimal
# layout (bench/hugo-handbook: every page in a layout with a navigation of all pages; the other files copied),
# both as whole commands, timed by hyperfine in alternating rounds (hub, Hugo, hub, Hugo ...), so a change in
# the machine's load touches both. Figures and how to read them: docs/benchmarks.md.
#
# Usage: [HUB_BEFORE=DIR] bench/handbook-vs-hugo.sh [FOLDER] [ROUNDS] [RUNS_PER_ROUND]
#   FOLDER defaults to the shared corpus (../shared/corpus/gitbook/opencollective-docs); 5 rounds of 2 runs.
#   HUB_BEFORE: a folder holding an earlier `dotnet publish` of the hub (e.g. of the commit before a change);
#   it is timed in the same rounds as a third command, "before", so a change is measured under the same load.
#   HUB_AFTER: a folder holding a publish of this checkout, timed as "hub" instead of publishing it here (the
#   publish takes minutes on a busy machine, and a benchmark waiting for its turn need not hold the others up).
# Needs: the .NET SDK (the hub is published as docs/self-hosting.md deploys it), hugo and hyperfine
# (Debian: apt-get install hugo hyperfine), python3 for the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
FOLDER="$(realpath "${1:-../shared/corpus/gitbook/opencollective-docs}")"
ROUNDS="${2:-5}"
RUNS="${3:-2}"
WORK="$(mktemp -d /tmp/hub-vs-hugo.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
if [ -n "${HUB_AFTER:-}" ]; then
  cp -r "$(realpath "$HUB_AFTER")" "$WORK/hub"
else
  dotnet publish src/Hub -c Release -o "$WORK/hub" -v q >/dev/null
fi

# The same files for both: the hub reads the folder as it is; Hugo gets the Markdown as content and every
# other file (images, downloads) as static files, which it copies as they are.
cp -r "$FOLDER" "$WORK/book"
cp -r bench/hugo-handbook "$WORK/site"
mkdir -p "$WORK/site/content" "$WORK/site/static"
(cd "$WORK/book" && find . -type f -name '*.md' -print0 | tar --null -T - -cf -) | tar -xf - -C "$WORK/site/content"
(cd "$WORK/book" && find . -type f ! -name '*.md' ! -path './.git/*' -print0 | tar --null -T - -cf -) | tar -xf - -C "$WORK/site/static"

HUB="dotnet $WORK/hub/Hub.dll"
BEFORE="${HUB_BEFORE:+dotnet $(realpath "$HUB_BEFORE")/Hub.dll}"
# A fresh, migrated database before each hub run (the migration is not timed); a fresh output folder for Hugo.
PREPARE_HUB="rm -rf $WORK/data && $HUB migrate --Hub:DataDirectory=$WORK/data >/dev/null"
PREPARE_HUGO="rm -rf $WORK/public"
IMPORT="$HUB handbook import $WORK/book --Hub:DataDirectory=$WORK/data"
BUILD="hugo --quiet --source $WORK/site --destination $WORK/public"
BEFORE_ARGS=()
if [ -n "$BEFORE" ]; then
  BEFORE_ARGS=(--prepare "rm -rf $WORK/data && $BEFORE migrate --Hub:DataDirectory=$WORK/data >/dev/null" --command-name before
    "$BEFORE handbook import $WORK/book --Hub:DataDirectory=$WORK/data")
fi

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(hugo version | cut -d' ' -f1-2); $(hyperfine --version)"
# One untimed run of each first: the disk cache holds both and each has written its output once.
eval "$PREPARE_HUB" && $IMPORT >"$WORK/import.log"
eval "$PREPARE_HUGO" && $BUILD
for round in $(seq "$ROUNDS"); do
  hyperfine --style none --runs "$RUNS" --export-json "$WORK/round-$round.json" \
    --prepare "$PREPARE_HUB" --command-name hub "$IMPORT" \
    --prepare "$PREPARE_HUGO" --command-name hugo "$BUILD" "${BEFORE_ARGS[@]}" >/dev/null
  echo "round $round done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "== the last hub run's own stage times (from the start of the command):"
eval "$PREPARE_HUB" && $IMPORT | head -8
echo "== Hugo's output: $(find "$WORK/public" -name '*.html' | wc -l) HTML files, $(find "$WORK/public" -type f ! -name '*.html' | wc -l) other files"

python3 - "$WORK" "$ROUNDS" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
times, cpu = {}, {}
for r in range(1, rounds + 1):
    for result in json.load(open(f"{work}/round-{r}.json"))["results"]:
        times.setdefault(result["command"], []).extend(result["times"])
        # hyperfine gives each round's mean CPU time (user + system): less moved by the machine's load than wall time.
        cpu.setdefault(result["command"], []).extend([result["user"] + result["system"]] * len(result["times"]))
for name, t in times.items():
    print(f"{name:5} median {statistics.median(t):.3f} s  min {min(t):.3f}  max {max(t):.3f}  ({len(t)} runs); CPU (user + system) mean {statistics.mean(cpu[name]):.3f} s")
ratio = statistics.median(times["hub"]) / statistics.median(times["hugo"])
print(f"hub / hugo, medians: {ratio:.2f}x (goal: at most 1.5x)")
if "before" in times:
    print(f"before / hugo, medians: {statistics.median(times['before']) / statistics.median(times['hugo']):.2f}x")
PY
