#!/bin/bash
# Runs once, when the postgres volume is first initialised (docker-entrypoint-initdb.d), as the superuser:
# the databases and least-privilege roles of least-privilege.psql, each role's password from the environment.
set -euo pipefail
args=()
for role in incident_migrator incident_app backup_migrator backup_app notification_migrator notification_app \
            metrics_migrator metrics_app keyring_app dr_backup keycloak; do
  var="DR_DB_${role^^}_PASSWORD"
  if [ -z "${!var:-}" ]; then
    echo "init.sh: set $var, the password of the PostgreSQL role $role" >&2
    exit 1
  fi
  args+=(-v "${role}_password=${!var}")
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres "${args[@]}" \
  -f "$(dirname "$0")/least-privilege.psql"

# The protected application's database: with DR_FOODTRUCK_DEMO_MB > 0 (a demonstration), the Food Truck
# Management System's schema and about that many MB of generated rows, owned by foodtruck_owner, so that the drills
# have the application they check. Set 0 where foodtruck is your real application's database.
demo_mb="${DR_FOODTRUCK_DEMO_MB:-0}"
if [ "$demo_mb" -gt 0 ]; then
  sql="${DR_FOODTRUCK_SQL_DIR:-$(dirname "$0")/foodtruck}"
  scale=$(( (demo_mb * 10 + 27) / 28 ))
  { echo "SET ROLE foodtruck_owner;"; cat "$sql/schema.sql"; sed "s/\${scale}/$scale/g" "$sql/data.sql"; } \
    | psql -v ON_ERROR_STOP=1 --single-transaction --username "$POSTGRES_USER" --dbname foodtruck
  # the demo application (docker compose --profile demo) only reads it
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname foodtruck \
    -v pw="${DR_DB_FOODTRUCK_DEMO_APP_PASSWORD:-foodtruck-demo-app}" <<'SQL'
CREATE ROLE foodtruck_demo_app LOGIN PASSWORD :'pw';
GRANT CONNECT ON DATABASE foodtruck TO foodtruck_demo_app;
GRANT USAGE ON SCHEMA public TO foodtruck_demo_app;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO foodtruck_demo_app;
SQL
fi

