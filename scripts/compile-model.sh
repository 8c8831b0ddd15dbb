#!/usr/bin/env bash
# Regenerates the compiled EF model of each database provider from the model in src/Hub.Data.
# Usage: scripts/compile-model.sh   (scripts/add-migration.sh runs it after every migration)
# The hub loads these instead of building its model at every start (about a fifth of a second of
# each command). CompiledModelTests fails when they no longer match the model: run this script then.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  echo "== $provider"
  rm -rf "src/Migrations.$provider/CompiledModel"
  dotnet tool run dotnet-ef dbcontext optimize \
    --project "src/Migrations.$provider" --startup-project "src/Migrations.$provider" \
    --output-dir CompiledModel --namespace "Microsolidarity.Hub.Migrations.$provider.CompiledModel"
done
