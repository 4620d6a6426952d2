#!/usr/bin/env bash
# Checks that the documentation still tells the truth, in what a test project cannot see:
#  1. every figure in README.md's "Figures" table appears in the document that row links to (the figures are
#     copied from the latest measurement there, never restated from memory);
#  2. the `dotnet ef` commands src/BudgetGrpc.Data/README.md shows for SQLite run as written from the repository
#     root and report applied migrations truthfully (all pending on an empty database, none after the update).
# The README's calls (health check, curl, buf curl search, console search) run against a seeded server in
# tests/BudgetGrpc.Tools.Tests/ReadmeCommandTests.cs. Exit status non-zero on any failure. Called by tools/run-tests.sh.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
failed=0

echo "check-docs: README figures against their linked documents"
python3 - <<'PY' || failed=1
import re, sys
readme = open("README.md", encoding="utf-8").read()
section = readme.split("## Figures", 1)[1].split("\n## ", 1)[0]
problems = 0
rows = [l for l in section.splitlines() if l.startswith("| ") and "](" in l]
if not rows:
    print("  README.md has no figures table with links"); sys.exit(1)
for row in rows:
    cells = [c.strip() for c in row.strip("|").split("|")]
    what, figure, where = cells[0], cells[1], cells[2]
    doc = re.search(r"\]\(([^)#]+)", where).group(1)
    text = open(doc, encoding="utf-8").read()
    # Every number of the figure cell (1.000, 2,300, 11.9, 42.5 %, 205 MB, 44–100 …) must be in the document.
    for number in re.findall(r"\d[\d,]*(?:\.\d+)?", figure):
        if number not in text:
            print(f"  {what}: {number} (README) is not in {doc}")
            problems += 1
print(f"  {len(rows)} rows, {problems} figures not found")
sys.exit(1 if problems else 0)
PY

echo "check-docs: the documented dotnet ef commands (src/BudgetGrpc.Data/README.md)"
mapfile -t ef < <(grep -E '^dotnet ef (migrations list|database update) .*--context SqliteBudgetDbContext$' src/BudgetGrpc.Data/README.md)
list="" update=""
for command in "${ef[@]}"; do
  case "$command" in
    "dotnet ef migrations list"*) list=$command ;;
    "dotnet ef database update"*) update=$command ;;
  esac
done
if [ -z "$list" ] || [ -z "$update" ]; then
  echo "  src/BudgetGrpc.Data/README.md no longer shows the SQLite migrations list / database update commands"
  failed=1
elif ! dotnet tool restore >/dev/null; then
  echo "  dotnet tool restore failed: dotnet-ef is not available"
  failed=1
else
  scratch=$(mktemp -d)
  export BUDGET_DESIGN_CONNECTION="Data Source=$scratch/budget.db"
  migrations=$(ls src/BudgetGrpc.Data/Migrations/Sqlite | grep -E '^[0-9]{14}_[A-Za-z0-9]+\.cs$' | grep -v Designer | sed 's/\.cs$//' | sort)
  expected=$(echo "$migrations" | wc -l)
  before=$(eval "$list" 2>&1) || { echo "  failed as written: $list"; echo "$before" | tail -5; failed=1; }
  pending_before=$(echo "$before" | grep -c ' (Pending)$' || true)
  if [ "$pending_before" -ne "$expected" ]; then
    echo "  on an empty database: $pending_before of $expected migrations reported pending"; failed=1
  fi
  out=$(eval "$update" 2>&1) || { echo "  failed as written: $update"; echo "$out" | tail -5; failed=1; }
  after=$(eval "$list" 2>&1) || { echo "  failed as written: $list"; failed=1; }
  listed=$(echo "$after" | grep -cE '^[0-9]{14}_' || true)
  if echo "$after" | grep -q '(Pending)' || [ "$listed" -ne "$expected" ]; then
    echo "  after the update: $listed of $expected migrations listed, pending: $(echo "$after" | grep -c '(Pending)')"; failed=1
  fi
  rm -rf "$scratch"
  unset BUDGET_DESIGN_CONNECTION
  [ "$failed" -eq 0 ] && echo "  $expected migrations: all pending on an empty database, none after the update"
fi

[ "$failed" -eq 0 ] && echo "check-docs: ok" || echo "check-docs: FAILED"
exit "$failed"
