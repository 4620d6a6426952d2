#!/usr/bin/env bash
# End-to-end benchmark of the folder-import worker: N distinct tables in an inbox, imported by a real worker process
# into a real server on loopback (SQLite), triggered by `budget worker run-now --wait`.
# Prints files per second and the worker's peak resident memory (VmHWM) after a small warm-up inbox, after the big
# one and after a second big one, so a peak that grew with the inbox would show.
#
#   tools/load/worker-inbox.sh [FILES=1000] [WARMUP_FILES=100]
#
# Everything runs on 127.0.0.1 in a temp folder that is removed at the end.
set -euo pipefail

files=${1:-1000}
warmup=${2:-100}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/budget-worker-bench.XXXXXX)
config=${CONFIGURATION:-Release}
key=bench-operator-key
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# KEEP=1 keeps the temp folder with the logs.
[ "${KEEP:-}" = 1 ] && trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; echo "kept $work" >&2' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 1 300); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; echo "port $1 never opened" >&2; return 1; }

# Distinct departments (样例AB县农业农村局 …): letters, so the name never runs into the fiscal year in the title.
code() { local n=$1 s=""; while :; do s=$(printf "\\x$(printf %x $((65 + n % 26)))")$s; n=$((n / 26 - 1)); [ $n -lt 0 ] && break; done; echo "$s"; }
drop() { # drop FROM TO: tables FROM..TO-1 into the inbox
  for ((i = $1; i < $2; i++)); do
    local dept="样例$(code "$i")县农业农村局"
    mkdir -p "$work/inbox/$dept"
    sed "s/样例县农业农村局/$dept/g" "$repo/tests/samples/yangli-2025-agri.csv" > "$work/inbox/$dept/绩效目标-$i.csv"
  done
}

echo "building ($config)…" >&2
for p in src/BudgetGrpc.Server/BudgetGrpc.Server.csproj src/BudgetGrpc.Worker/BudgetGrpc.Worker.csproj tools/BudgetGrpc.Tools/BudgetGrpc.Tools.csproj; do
  dotnet build "$repo/$p" -c "$config" -v q -nologo >/dev/null
done
bin() { echo "$repo/$1/bin/$config/net10.0/$2"; }

port=$(free_port)
mkdir -p "$work/inbox" "$work/archive" "$work/quarantine"
(
  cd "$work"
  export Server__GrpcUrl="http://127.0.0.1:$port" Server__HttpUrl="" \
    Database__Provider=Sqlite Database__ConnectionString="Data Source=$work/budget.db" \
    Auth__Keys__0__Name=bench Auth__Keys__0__KeyHash=$(printf %s "$key" | sha256sum | cut -d' ' -f1) Auth__Keys__0__Roles__0=operator \
    Logging__LogLevel__Default=Warning
  exec dotnet "$(bin src/BudgetGrpc.Server BudgetGrpc.Server.dll)" >"$work/server.log" 2>&1
) &
pids+=($!)
wait_port "$port"

export Worker__Quartz__Provider=Sqlite Worker__Quartz__ConnectionString="Data Source=$work/quartz.db" Worker__Quartz__IdleWaitTime=00:00:01
(
  cd "$work"
  export Worker__FolderImport__Inbox="$work/inbox" Worker__FolderImport__Archive="$work/archive" Worker__FolderImport__Quarantine="$work/quarantine" \
    Worker__FolderImport__StableFor=00:00:01 Worker__Server__Url="http://127.0.0.1:$port" Worker__Server__ApiKey="$key" \
    Logging__LogLevel__Default=Information Logging__LogLevel__Polly=Warning Logging__LogLevel__Quartz=Warning
  exec dotnet "$(bin src/BudgetGrpc.Worker BudgetGrpc.Worker.dll)" >"$work/worker.log" 2>&1
) &
worker=$!
pids+=($worker)
for _ in $(seq 1 300); do grep -q "Folder import schedule" "$work/worker.log" 2>/dev/null && break; sleep 0.2; done

budget() { (cd "$work" && dotnet "$(bin tools/BudgetGrpc.Tools budget.dll)" "$@"); }
peak_kib() { awk '/VmHWM/ {print $2}' "/proc/$worker/status"; }
run() { # run N: import N files, print seconds
  local start end
  start=$(date +%s.%N)
  budget worker run-now --wait --timeout 01:00:00 >"$work/run.out"
  end=$(date +%s.%N)
  cat "$work/run.out" >&2
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }' 
}

drop 0 "$warmup"
warm_seconds=$(run)
warm_peak=$(peak_kib)

drop "$warmup" $((warmup + files))
seconds=$(run)
peak=$(peak_kib)
# A second inbox as large: a peak that grew with the inbox (or leaked per file) would rise again here.
drop $((warmup + files)) $((warmup + 2 * files))
seconds2=$(run)
peak2=$(peak_kib)
archived=$(find "$work/archive" -type f | wc -l)
left=$(find "$work/inbox" -type f | wc -l)

# The run waits StableFor (1 s) once before it imports; the rate is over the import itself.
rate=$(awk -v n="$files" -v s="$seconds" 'BEGIN { printf "%.1f", n / (s - 1) }')
# The worker's own measure of each run (scan, the stable-file wait, import and move of every file).
run_seconds() { grep -o 'left for the next run, in [0-9.]* s' "$work/worker.log" | sed -n "$1p" | grep -o '[0-9.]* s' | cut -d' ' -f1; }
per_second() { awk -v n="$files" -v s="$1" 'BEGIN { printf "%.1f", n / (s - 1) }'; }
echo "first inbox of $files: run-now to summary ${seconds} s, ${rate} files/s (less the 1 s stable-file wait); worker's run $(run_seconds 2) s, $(per_second "$(run_seconds 2)") files/s"
echo "second inbox of $files: run-now to summary ${seconds2} s, $(per_second "$seconds2") files/s; worker's run $(run_seconds 3) s, $(per_second "$(run_seconds 3)") files/s"
echo "worker_peak_rss_mib after $warmup files: $((warm_peak / 1024)); after $files more: $((peak / 1024)); after another $files: $((peak2 / 1024))"
echo "archived=$archived left_in_inbox=$left (expected $((warmup + 2 * files)) and 0)"
