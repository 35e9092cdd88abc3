#!/usr/bin/env bash
# docker/init-db.sh — the compose `db-init` job: load sql/ into database "stance" exactly as scripts/load-sql does
# (same load order, procrastinate DDL from the pinned package, demo seed), once; then give the login roles the
# passwords compose passes (TCP needs them; the dev cluster uses a unix socket). Layer: tooling.
set -euo pipefail
db=${STANCE_DB:-stance}
if psql -X -tAc "select 1 from pg_database where datname = '$db'" -d postgres | grep -q 1; then
  echo "db-init: database $db exists, keeping it"
else
  scripts/load-sql "$db" ${STANCE_LOAD_OPTIONS:---seed}
  echo "db-init: loaded sql/ into $db"
fi
psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
  -v authenticator_password="$AUTHENTICATOR_PASSWORD" -v sidecar_password="$SIDECAR_PASSWORD" <<'SQL'
alter role authenticator password :'authenticator_password';
alter role sidecar password :'sidecar_password';
SQL
