#!/usr/bin/env bash
# Renders the project's own sample tables into the containers departments really send: legacy Excel (.xls),
# legacy Word (.doc) and PDF, with LibreOffice. The results are committed under tests/samples/containers/ (a few
# tens of KB each), so the reading tests do not need LibreOffice; only the .doc conversion tests do.
# Each output is named after its source plus the new extension: yangli-2025-agri.xlsx.xls, ….docx.pdf.
# usage: tools/make-legacy-samples.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/tests/samples/containers"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="file://$work/profile"
mkdir -p "$out" "$work/in"

convert() { # convert SOURCE FILTER EXTENSION [INFILTER]
  local source=$1 filter=$2 extension=$3 infilter=${4:-}
  local name; name=$(basename "$source")
  cp "$source" "$work/in/$name"
  local args=(-env:UserInstallation="$profile" --headless --convert-to "$filter" --outdir "$work/out")
  [ -n "$infilter" ] && args+=(--infilter="$infilter")
  rm -rf "$work/out"
  soffice "${args[@]}" "$work/in/$name" >/dev/null 2>&1
  local produced; produced=$(ls "$work/out"/* | head -n 1)
  mv "$produced" "$out/$name.$extension"
  chmod 644 "$out/$name.$extension"
  echo "$name.$extension"
}

# A published PDF: the HTML table printed by Writer on landscape A4 with a small font, as wide tables are published
# (Calc's print of an .xlsx without borders or column widths cuts amounts to "1E+07", which no reader can undo).
html_pdf() { # html_pdf SOURCE
  local source=$1 name; name=$(basename "$source")
  sed 's|</head>|<style>@page { size: 297mm 210mm; margin: 10mm } td, th { font-size: 8pt }</style></head>|' "$source" > "$work/$name"
  convert "$work/$name" pdf:writer_pdf_Export pdf
}

# The target tables the repository carries (tests/samples) …
convert "$root/tests/samples/yangli-2025-agri.xlsx" 'xls:MS Excel 97' xls
html_pdf "$root/tests/samples/yangli-2025-agri.html"
# A ten-page PDF for the benchmarks: the agri table's project rows six times over (lines 9–35 of the page).
awk 'NR < 9 || NR > 35 { print; next } { rows = rows $0 "\n" } NR == 35 { for (i = 0; i < 6; i++) printf "%s", rows }' \
  "$root/tests/samples/yangli-2025-agri.html" > "$work/in/yangli-2025-agri-long.html"
html_pdf "$work/in/yangli-2025-agri-long.html"
convert "$root/tests/samples/yangli-2025-edu-form.xlsx" 'xls:MS Excel 97' xls
convert "$root/tests/samples/yangli-2025-edu-form.docx" 'doc:MS Word 97' doc
convert "$root/tests/samples/yangli-2025-edu-form.docx" pdf:writer_pdf_Export pdf
html_pdf "$root/tests/samples/yangli-2025-edu-form.html"
# Hidden sheet, dates, times, durations, a number format, a merge: written by SyntheticOoxml (committed beside).
convert "$out/synthetic-sheets.xlsx" 'xls:MS Excel 97' xls
# The seed is tab-separated UTF-8 text: Calc's text import (tab, double quote, UTF-8, from line 1).
convert "$root/tests/samples/000_c21431a6439d21ac.txt" 'xls:MS Excel 97' xls 'Text - txt - csv (StarCalc):9,34,76,1'

# … and the department-wide and self-evaluation samples (copies of shared/'s, beside the others in tests/samples).
convert "$root/tests/samples/yangli-2025-dept.xlsx" 'xls:MS Excel 97' xls
convert "$root/tests/samples/yangli-2025-dept.docx" 'doc:MS Word 97' doc
convert "$root/tests/samples/yangli-2025-dept.docx" pdf:writer_pdf_Export pdf
convert "$root/tests/samples/yangli-2025-agri-selfeval.xlsx" 'xls:MS Excel 97' xls
html_pdf "$root/tests/samples/yangli-2025-agri-selfeval.html"
