#!/usr/bin/env bash
# Runs the whole test suite and ends with one line: "N passed, N failed, N skipped".
# Exit status is non-zero when anything failed or did not build.
# usage: tools/run-tests.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Engine]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The storage tests start a private PostgreSQL cluster (initdb + pg_ctl); install the server binaries when missing.
# Any installed version will do (tests/BudgetGrpc.Testing/Data/PostgresCluster.cs looks in the same places).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null \
   && ! { command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL server binaries for the storage tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || echo "warning: could not install postgresql"
  else
    echo "warning: PostgreSQL binaries (initdb, pg_ctl) not found; the PostgreSQL tests will fail"
  fi
fi

# Legacy .doc/.wps reach the engine through LibreOffice (headless soffice); the conversion tests run the real one.
# The -nogui packages are the smallest; older releases only have the plain names. fonts-noto-cjk gives Chinese text
# real glyphs when samples are rendered to PDF.
if ! command -v soffice >/dev/null 2>&1 || ! ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing LibreOffice (Writer, Calc) and CJK fonts for the legacy-format tests…"
    apt-get update -qq >/dev/null 2>&1 || true
    packages="libreoffice-writer-nogui libreoffice-calc-nogui"
    apt-cache policy libreoffice-writer-nogui 2>/dev/null | grep -q 'Candidate: [0-9]' || packages="libreoffice-writer libreoffice-calc"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages fonts-noto-cjk >/dev/null \
      || echo "warning: could not install LibreOffice; the .doc conversion tests will fail"
  else
    echo "warning: soffice (LibreOffice) not found; the .doc conversion tests will fail"
  fi
fi

results="$root/.test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build BudgetGrpc.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test BudgetGrpc.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 10m "$@"
status=$?

# Count per test result, not from the <Counters> element: xunit reports a skipped test as a result with outcome
# NotExecuted and leaves the notExecuted counter at 0. Skipped tests are listed with their reason.
counts=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = files = 0
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    files += 1
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as e:  # a test host that died mid-write: count the file as one failure
        print(f"unreadable result file {trx}: {e}", file=sys.stderr)
        failed += 1
        continue
    for r in root.iterfind(".//t:Results/t:UnitTestResult", ns):
        outcome = r.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "NotRunnable", "Pending"):
            skipped += 1
            reason = r.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
            print(f"skipped: {r.get('testName')}: {reason or '(no reason given)'}", file=sys.stderr)
        else:
            failed += 1
print(passed, failed, skipped, files)
PY
)
read -r passed failed skipped files <<<"${counts:-0 0 0 0}"

if [ "$files" -eq 0 ] || [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test result (a crash, a hang, a missing test host): count it.
  failed=$((failed + 1))
fi

# The docs' figures and the dotnet ef commands they show (the README's calls are tests: ReadmeCommandTests).
if "$root/tools/check-docs.sh"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
