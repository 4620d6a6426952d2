#!/usr/bin/env bash
# Loopback read benchmark: starts a Release server on a fresh SQLite file (samples seeded, example keys),
# optionally grows it to FILL synthetic departments (x103 indicators each), then measures Echo,
# GetRevision(seed, FULL) and a SearchIndicators page in one run, with the server's RSS.
#   tools/load/run.sh                    # seed only, 10 s per scenario, 16 concurrent callers
#   FILL=9700 tools/load/run.sh          # ~1,000,000 indicators
#   SECONDS_PER=20 CONCURRENCY=32 tools/load/run.sh
#   DB_DIR=/tmp/budget-1m FILL=9700 tools/load/run.sh   # keep the database; later runs: DB_DIR=/tmp/budget-1m tools/load/run.sh
#   PROVIDER=postgresql FILL=3000 tools/load/run.sh      # the same against a private PostgreSQL cluster (default
#                                                        # durability; PG_OPTIONS="-c synchronous_commit=off" to vary)
set -euo pipefail
cd "$(dirname "$0")/../.."
FILL=${FILL:-0}
SECONDS_PER=${SECONDS_PER:-10}
CONCURRENCY=${CONCURRENCY:-16}
GRPC_PORT=${GRPC_PORT:-5090}
HTTP_PORT=${HTTP_PORT:-5091}
SERVER_PID=""
if [ -n "${DB_DIR:-}" ]; then
  DIR=$DB_DIR; mkdir -p "$DIR"; KEEP=1
else
  DIR=$(mktemp -d); KEEP=0
fi
PROVIDER=${PROVIDER:-sqlite}
# Whatever PostgreSQL version is installed: the newest under /usr/lib/postgresql, else pg_config's, else PATH's.
if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PG_BIN" ] || PG_BIN=$(pg_config --bindir 2>/dev/null || true)
  [ -n "$PG_BIN" ] || PG_BIN=$(dirname "$(readlink -f "$(command -v initdb || echo /usr/bin/initdb)")")
fi
PG_PORT=${PG_PORT:-5092}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { [ "$PROVIDER" = postgresql ] && [ -f "$DIR/pg/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true; }
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; stop_pg; [ "$KEEP" = 1 ] || rm -rf "$DIR"' EXIT

case "$PROVIDER" in
  sqlite)
    DB_ARGS=(--Database:ConnectionString="Data Source=$DIR/budget.db") ;;
  postgresql)
    # initdb refuses root: the cluster belongs to the postgres user when run as root.
    mkdir -p "$DIR/pg"; chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR/pg"
    if [ ! -d "$DIR/pg/data" ]; then
      as_postgres "$PG_BIN/initdb" -D "$DIR/pg/data" -U budget --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 ${PG_OPTIONS:-}" start >/dev/null
    DB_ARGS=(--Database:Provider=PostgreSql --Database:ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=budget;Username=budget") ;;
  *) echo "PROVIDER must be sqlite or postgresql"; exit 2 ;;
esac

dotnet build -c Release -v q src/BudgetGrpc.Server/BudgetGrpc.Server.csproj >/dev/null
dotnet build -c Release -v q tools/load/BudgetGrpc.Load/BudgetGrpc.Load.csproj >/dev/null

dotnet src/BudgetGrpc.Server/bin/Release/net10.0/BudgetGrpc.Server.dll \
  --environment Development \
  --Logging:LogLevel:Default=Warning \
  --Server:GrpcUrl=http://127.0.0.1:$GRPC_PORT --Server:HttpUrl=http://127.0.0.1:$HTTP_PORT \
  "${DB_ARGS[@]}" \
  --Seed:SamplesFolder=tests/samples > "$DIR/server.log" 2>&1 &
SERVER_PID=$!

for i in $(seq 1 180); do
  if curl -sf -H "authorization: Bearer example-reader-key" "http://127.0.0.1:$HTTP_PORT/v1/echo?message=up" >/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null || [ "$i" = 180 ]; then echo "server did not start:"; cat "$DIR/server.log"; exit 1; fi
  sleep 1
done

dotnet tools/load/BudgetGrpc.Load/bin/Release/net10.0/BudgetGrpc.Load.dll \
  --server "http://127.0.0.1:$GRPC_PORT" --seconds "$SECONDS_PER" --concurrency "$CONCURRENCY" \
  --server-pid "$SERVER_PID" --fill "$FILL"
if [ "$PROVIDER" = sqlite ]; then echo "database: $(du -ch "$DIR"/budget.db* | tail -1 | cut -f1)"; else echo "database: $(du -sh "$DIR/pg/data" | cut -f1) (PostgreSQL cluster)"; fi
