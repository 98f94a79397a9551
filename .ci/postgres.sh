#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the store tests and prints the JDBC URL.
# Usage: eval "$(.ci/postgres.sh start)"   ->   exports GONGWEN_TEST_POSTGRES_URL
#        .ci/postgres.sh stop
set -euo pipefail
port=${GONGWEN_TEST_POSTGRES_PORT:-55432}
data=${TMPDIR:-/tmp}/gongwen-ci-postgres
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case ${1:-start} in
  start)
    as_pg "'$bin/pg_ctl' -D '$data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    as_pg "'$bin/initdb' -D '$data' -U gongwen --auth=trust -E UTF8 --locale=C.UTF-8" >&2
    as_pg "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -o \"-c listen_addresses=127.0.0.1 -p $port -k '$data'\" -w start" >&2
    as_pg "'$bin/createdb' -h 127.0.0.1 -p $port -U gongwen gongwen" >&2
    echo "export GONGWEN_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/gongwen?user=gongwen'"
    ;;
  stop)
    as_pg "'$bin/pg_ctl' -D '$data' -m fast stop" >&2 || true
    ;;
esac
