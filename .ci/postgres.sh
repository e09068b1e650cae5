#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 cluster on a free local port, as the postgres user.
#   eval "$(.ci/postgres.sh start)"   # prints DATABASE_URL=... and PGDATA_DIR=...
#   eval "$(.ci/postgres.sh start --durable)"   # fsync on, as in production (benchmarks)
#   .ci/postgres.sh stop "$PGDATA_DIR"
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL is not installed (no initdb found)" >&2; exit 1; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/onboarding-pg.XXXXXX)
  chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
  options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  if [ "${2:-}" != --durable ]; then
    # Tests need no durability: a crash loses only a throwaway database.
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "$options" start >/dev/null
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres onboarding
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/onboarding"
  echo "export PGDATA_DIR=$dir"
  ;;
stop)
  dir=${2:?usage: postgres.sh stop DIR}
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2
  exit 2
  ;;
esac
