#!/usr/bin/env bash
# Make the local PostgreSQL ready for the server tests: install it if missing, start its cluster,
# and create (or refresh) the login role `xietong_test` (CREATEDB, loopback password login).
# Tests create one database per run through this role and drop it at the end.
#
# Prints one line, and writes the same line to var/test-postgres.env for pytest to read:
#   XIETONG_TEST_PG=postgresql+psycopg://xietong_test:<password>@127.0.0.1:<port>/postgres
# The password is fixed and public on purpose: the role is for tests on loopback only, and a fixed
# value lets several checkouts on one machine run their tests at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
role=xietong_test
password=xietong_test

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "postgres-test: installing PostgreSQL" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found=1} END {exit !found}' \
  || pg_createcluster "$version" main >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')
[ "$status" = online ] || pg_ctlcluster "$version" main start >&2

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres-test: PostgreSQL $version did not start on port $port" >&2; exit 1; }

as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtA >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
SQL

line="XIETONG_TEST_PG=postgresql+psycopg://$role:$password@127.0.0.1:$port/postgres"
mkdir -p var
echo "$line" > var/test-postgres.env
echo "$line"
