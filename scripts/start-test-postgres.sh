#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests and benchmarks, loads the
# example data into it, and prints the environment the tests read:
#
#   eval "$(scripts/start-test-postgres.sh)"      # exports FOLIO_TEST_PG_DSN, PGPASSFILE, ...
#   ctest --test-dir build ...                    # the [pg] tests run instead of skipping
#   scripts/start-test-postgres.sh --stop         # stops it and removes its folder
#
# The cluster runs as an unprivileged user (the `postgres` user when started as root,
# else the caller), on a free local TCP port, with its socket in its own folder
# (FOLIO_TEST_PG_DIR, default /tmp/folio-test-pg-<uid>). Connections over TCP need a
# password (scram-sha-256); the password is in a .pgpass file that PGPASSFILE names, so
# the DSN holds none. Tables: surveys, accounts (examples/customer-health/data/*.csv)
# and tickets (from support.db), typed as the example's schema says.
# Needs Debian's `postgresql` (initdb, pg_ctl, psql) and `sqlite3` for the tickets.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data="$here/examples/customer-health/data"
dir=${FOLIO_TEST_PG_DIR:-/tmp/folio-test-pg-$(id -u)}
user=folio
password=folio-test-password

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "start-test-postgres: no PostgreSQL server found (install Debian's postgresql)" >&2
  exit 1
fi

# Runs a server command as the unprivileged owner of the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [[ -f "$dir/cluster/postmaster.pid" ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/cluster" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

if [[ "${1:-}" == "--stop" ]]; then
  stop
  exit 0
fi

stop  # a cluster left over from an earlier run
mkdir -p "$dir"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
chmod 700 "$dir"

# A free port: the first from 54320 on that nothing listens on.
port=54320
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

printf '%s\n' "$password" >"$dir/pwfile"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir/pwfile"; fi
as_owner "$bindir/initdb" -D "$dir/cluster" -U "$user" --pwfile="$dir/pwfile" -A scram-sha-256 \
  --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
rm -f "$dir/pwfile"
as_owner "$bindir/pg_ctl" -D "$dir/cluster" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null

# Password for TCP connections, for the caller only.
pgpass="$dir/pgpass"
printf '127.0.0.1:%s:*:%s:%s\n' "$port" "$user" "$password" >"$pgpass"
chmod 600 "$pgpass"
if [[ $(id -u) -eq 0 ]]; then chown root: "$pgpass"; fi

psql_local() { as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U "$user" "$@"; }
psql_local -d postgres -c "CREATE DATABASE folio" >/dev/null
psql_local -d folio >/dev/null <<'SQL'
CREATE TABLE surveys (
  response_id text, account_id text, submitted_at date, region text, account_manager text,
  tier text, score double precision, csat double precision, comment text);
CREATE TABLE accounts (
  account_id text, name text, country text, region text, account_manager text, tier text, plan text,
  seats integer, initial_mrr numeric, mrr numeric, status text, started_at date, churned_at date);
CREATE TABLE tickets (
  ticket_id text PRIMARY KEY, account_id text NOT NULL, opened_at timestamp NOT NULL, resolved_at timestamp,
  status text NOT NULL, region text NOT NULL, account_manager text NOT NULL, tier text NOT NULL,
  channel text NOT NULL, category text NOT NULL, first_response_minutes double precision, contacts integer NOT NULL);
SQL
# psql's \copy reads the files as the caller; the server never opens them.
load() {  # table file
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$port dbname=folio user=$user" \
    -c "\\copy $1 FROM '$2' WITH (FORMAT csv, HEADER true)" >/dev/null
}
export PGPASSFILE="$pgpass"
load surveys "$data/surveys.csv"
load accounts "$data/accounts.csv"
sqlite3 -header -csv "$data/support.db" "SELECT * FROM tickets" >"$dir/tickets.csv"
load tickets "$dir/tickets.csv"
rm -f "$dir/tickets.csv"

cat <<EOF
export FOLIO_TEST_PG_DSN='host=127.0.0.1 port=$port dbname=folio user=$user application_name=folio-tests'
export FOLIO_TEST_PG_PORT=$port
export FOLIO_TEST_PG_DIR='$dir'
export PGPASSFILE='$pgpass'
EOF
