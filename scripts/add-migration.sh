#!/usr/bin/env bash
# Generates one migration for each database provider from the model in src/Hub.Data.
# Usage: scripts/add-migration.sh AddCrews
# Every schema change ships both; CI runs the integration suite on both providers.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  echo "== $provider"
  dotnet restore "src/Migrations.$provider" -v q >/dev/null
  dotnet tool run dotnet-ef migrations add "$name" \
    --project "src/Migrations.$provider" --startup-project "src/Migrations.$provider" \
    --output-dir Migrations
done
scripts/compile-model.sh
