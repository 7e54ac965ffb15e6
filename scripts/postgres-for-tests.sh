#!/usr/bin/env bash
# Starts a private PostgreSQL server for the registry tests, on a free-standing data directory and a
# port of its own, and prints the JDBC URL. Source it: `. scripts/postgres-for-tests.sh`; it stops the
# server when the calling shell exits. Needs Debian's postgresql package (scripts/test.sh installs it).
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/postgres" ]; then
  echo "postgres-for-tests: no PostgreSQL server in /usr/lib/postgresql" >&2
  return 1 2>/dev/null || exit 1
fi
# A free port unless one is given: two test runs on one machine (branches side by side) must not share a server.
pg_port=${SELLO_TEST_POSTGRES_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)}
pg_data=$(mktemp -d /tmp/sello-postgres.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  chown postgres "$pg_data"
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$pg_bin/initdb" -D "$pg_data" -A trust -U sello --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
  -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U sello sello_test
export SELLO_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/sello_test?user=sello"
sello_stop_postgres() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_data"
}
trap sello_stop_postgres EXIT
echo "PostgreSQL for tests: $SELLO_TEST_POSTGRES_URL"
