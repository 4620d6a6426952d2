#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker from the local tool manifest), one part at a time, in bounded time.
# Not part of CI: a part takes from minutes to an hour on two cores.
# usage: tools/mutation.sh PART [MINUTES]     (MINUTES: the bound, default 30; the run is stopped past it)
#   PART: indicators | layouts | validation | publishing | reading   (the engine's folders, Engine.Tests)
#         import     (the data side of the import: RevisionWriter, UploadLog, ContentHash, StorableRange; Data.Tests)
#         import-service (the import's decisions: src/BudgetGrpc.Server/Import/ImportService.cs; Server.Tests' Import tests)
#         auth       (API keys and department grants: src/BudgetGrpc.Server/Auth; Server.Tests)
# Reports: .stryker/PART/reports/mutation-report.{html,json}; the score is printed at the end.
# SHARED_DIR: the shared folder (samples, scorer); ../shared beside the repository unless set.
# STRYKER_CONCURRENCY: test runners Stryker starts side by side (default 2, one per core of a two-core machine);
#   set it to 1 when something else is running on the machine.
# STRYKER_FILES="A.cs B.cs" (engine parts): mutate only these files of the part's folder, so a large part can be measured
#   in slices that each finish with a report (.stryker/PART-SLICE/, SLICE the first file's name); the part's score is the
#   slices' counts added up.
# STRYKER_VARIANTS=0 (engine parts): leaves the generated variant suite out of the tests Stryker runs. It covers nearly
#   every line, so every mutant runs it (14 s); without it a part runs three to five times faster and its score is a
#   lower bound (the unit tests alone must kill the mutant). The rows in docs/testing.md say which way they were run.
#   With it (the default), the suite renders BUDGET_VARIANTS_PER_FAMILY variants per family, 25 unless set.
# BUDGET_FUZZ_SCALE (reading): the fuzz tests' case counts times this factor; 0.1 by default under mutation testing
#   (half a minute a run at full scale, against every reader mutant), so the reading score is a lower bound too.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
part=${1:-}
minutes=${2:-30}
concurrency=${STRYKER_CONCURRENCY:-2}
# The fuzz tests cover the whole engine and take half a minute a run; they are left out except for the readers,
# which they exist for. So are the legacy-container tests (.doc/.xls/.pdf copies of samples through LibreOffice, about a
# minute a run): they test the converter and the readers, and the samples they convert are read directly by the others.
# And the scorer agreement tests (python3 on 72 spoiled outputs, half a minute a run): they hold the test kit's port of
# the shared scorer to the script, both scoring the same engine output, so an engine mutant moves both scores alike.
fast='FullyQualifiedName!~Robustness&FullyQualifiedName!~PropertyTests&FullyQualifiedName!~PublicationScorerAgreementTests'
fast+='&FullyQualifiedName!~VariantLegacyTests&FullyQualifiedName!~ContainerGoldTests&FullyQualifiedName!~LibreOfficeConverterTests'
[ "${STRYKER_VARIANTS:-1}" = 0 ] && fast+='&FullyQualifiedName!~Variants.VariantSuiteTests'
# With the variant suite in, it renders 25 variants per family instead of 175 (BUDGET_VARIANTS_PER_FAMILY); its single-axis
# probes then cover the axis values those 100 variants meet, so this too can only let more mutants survive.
export BUDGET_VARIANTS_PER_FAMILY=${BUDGET_VARIANTS_PER_FAMILY:-25}
case "$part" in
  indicators|layouts|validation|publishing)
    folder=$(tr '[:lower:]' '[:upper:]' <<<"${part:0:1}")${part:1}
    tests=tests/BudgetGrpc.Engine.Tests; project=BudgetGrpc.Engine.csproj
    mutate=("**/$folder/**/*.cs"); filter=$fast ;;
  reading)
    # The readers' own tests (the Reading folder: each container, its fuzz tests at a tenth of their cases unless
    # BUDGET_FUZZ_SCALE says otherwise — a removed guard shows as a programming error there) and the samples read in every
    # container (the Samples folder, the legacy containers read natively: .xls, PDF). Every other test parses a file too,
    # so with all of them in each reader mutant ran the whole suite (a minute a mutant, 10 of 777 in ten minutes); the
    # layouts' and indicators' tests are left out, and the score is a lower bound.
    folder=Reading
    tests=tests/BudgetGrpc.Engine.Tests; project=BudgetGrpc.Engine.csproj
    export BUDGET_FUZZ_SCALE=${BUDGET_FUZZ_SCALE:-0.1}
    filter='FullyQualifiedName~BudgetGrpc.Engine.Tests.Reading.|FullyQualifiedName~BudgetGrpc.Engine.Tests.Samples.'
    mutate=("**/Reading/**/*.cs") ;;
  import)
    tests=tests/BudgetGrpc.Data.Tests; project=BudgetGrpc.Data.csproj
    mutate=("**/Storage/RevisionWriter.cs" "**/Storage/UploadLog.cs" "**/Storage/ContentHash.cs" "**/Storage/StorableRange.cs"); filter='' ;;
  import-service)
    tests=tests/BudgetGrpc.Server.Tests; project=BudgetGrpc.Server.csproj
    mutate=("**/Import/ImportService.cs"); filter='FullyQualifiedName~BudgetGrpc.Server.Tests.Import.' ;;
  auth)
    tests=tests/BudgetGrpc.Server.Tests; project=BudgetGrpc.Server.csproj
    mutate=("**/Auth/**/*.cs"); filter='' ;;
  *)
    sed -n 3,11p "$0"; exit 2 ;;
esac

name=$part
if [ -n "${STRYKER_FILES:-}" ]; then
  [ -z "${folder:-}" ] && { echo "STRYKER_FILES works on the engine parts only" >&2; exit 2; }
  mutate=()
  for f in $STRYKER_FILES; do
    [ -n "$(find "$root/src/BudgetGrpc.Engine/$folder" -name "$f")" ] || { echo "no $f under src/BudgetGrpc.Engine/$folder" >&2; exit 2; }
    mutate+=("**/$folder/**/$f")
  done
  first=${STRYKER_FILES%% *}; name="$part-${first%.cs}"
fi

# The sample-gold tests score against the shared folder (SHARED_DIR, else ../shared beside the repository); without it
# they fail in Stryker's first run and kill nothing, and every score would be a lower bound for that alone.
shared=${SHARED_DIR:-$root/../shared}
[ -f "$shared/tools/score_extraction.py" ] || {
  echo "no shared folder at $shared (its tools/score_extraction.py): set SHARED_DIR or run from a clone beside shared/" >&2; exit 2; }
export SHARED_DIR=$(cd "$shared" && pwd)

cd "$root"
dotnet tool restore >/dev/null
out="$root/.stryker/$name"
rm -rf "$out"
mkdir -p "$root/.stryker"
# dots: one character per tested mutant as it finishes (. killed, S survived, T timeout), so a run stopped at its
# bound still tells how far it got.
args=(--project "$project" --concurrency "$concurrency" --reporter html --reporter json --reporter dots
      --output "$out" --skip-version-check)
for m in "${mutate[@]}"; do args+=(--mutate "$m"); done
[ -n "$filter" ] && args+=(--test-case-filter "$filter")

cd "$root/$tests"
timeout --signal=INT --kill-after=60 "${minutes}m" dotnet dotnet-stryker "${args[@]}" | tee "$out.log"
status=${PIPESTATUS[0]}
if [ "$status" = 124 ]; then
  # No report is written when the run is stopped: count the dots printed so far.
  dots=$(tr '\r' '\n' < "$out.log" | grep -E '^[.STC]+$' | tr -d '\n')
  killed=$(tr -cd '.T' <<<"$dots" | wc -c); survived=$(tr -cd 'S' <<<"$dots" | wc -c)
  echo "stopped after $minutes minutes: partial figures from the mutants tested so far"
  echo "tested $((killed + survived)): killed or timed out $killed, survived $survived"
  [ $((killed + survived)) -gt 0 ] && echo "partial mutation score $((100 * killed / (killed + survived)))%"
fi

report="$out/reports/mutation-report.json"
if [ -f "$report" ]; then
  python3 - "$report" <<'PY'
import json, sys, collections
r = json.load(open(sys.argv[1]))
count = collections.Counter(m["status"] for f in r["files"].values() for m in f["mutants"])
killed = count["Killed"] + count["Timeout"]
valid = killed + count["Survived"] + count["NoCoverage"]
print(", ".join(f"{k} {v}" for k, v in sorted(count.items())))
print(f"mutation score {100 * killed / valid:.1f}% ({killed} of {valid} killed or timed out)" if valid else "no mutants tested")
# The mutants no test kills, to be killed by a test or listed as equivalent in docs/testing.md.
for path, f in sorted(r["files"].items()):
    lines = f["source"].split("\n")
    for m in sorted(f["mutants"], key=lambda m: m["location"]["start"]["line"]):
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            print(f'{m["status"]:10} {path.split("/src/")[-1]}:{line} {m["mutatorName"]}: {m.get("replacement", "")[:80]!r}')
            print(f'{"":10}   {lines[line - 1].strip()[:120]}')
PY
echo "run time $((SECONDS / 60)) min $((SECONDS % 60)) s"
else
  echo "no report written"
fi
exit "$status"
