#!/usr/bin/env bash
# Adds a migration named $1 for every provider, each into its own folder and namespace.
# Run from anywhere: src/BudgetGrpc.Data/Migrations/add-migration.sh AddSomething
set -euo pipefail
name="${1:?usage: add-migration.sh MigrationName}"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$repo"
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" \
    --project src/BudgetGrpc.Data --startup-project src/BudgetGrpc.Data \
    --context "${provider}BudgetDbContext" \
    --output-dir "Migrations/$provider" --namespace "BudgetGrpc.Data.Migrations.$provider"
  # dotnet ef writes the snapshot into a folder named after the namespace; keep it beside its migrations.
  stray="src/BudgetGrpc.Data/BudgetGrpc/Data/Migrations/$provider"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "src/BudgetGrpc.Data/Migrations/$provider/"; fi
done
rm -rf src/BudgetGrpc.Data/BudgetGrpc
