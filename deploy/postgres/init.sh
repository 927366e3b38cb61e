#!/bin/bash
# Runs once, when the postgres volume is first initialised (docker-entrypoint-initdb.d), as the superuser:
# the databases and least-privilege roles of least-privilege.psql, each role's password from the environment.
set -euo pipefail
args=()
for role in incident_migrator incident_app backup_migrator backup_app notification_migrator notification_app \
            metrics_migrator metrics_app keyring_app dr_backup; do
  var="DR_DB_${role^^}_PASSWORD"
  if [ -z "${!var:-}" ]; then
    echo "init.sh: set $var, the password of the PostgreSQL role $role" >&2
    exit 1
  fi
  args+=(-v "${role}_password=${!var}")
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres "${args[@]}" \
  -f "$(dirname "$0")/least-privilege.psql"
