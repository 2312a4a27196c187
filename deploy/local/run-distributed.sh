#!/usr/bin/env bash
# Distributed mode on one machine: every service in its own process against the local
# Kafka, PostgreSQL and Redis (deploy/infra.sh), each with its own database and port
# (deploy/local/services.conf). Logs go to .run/logs/<service>.log. Ctrl-C stops everything.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
cd "$project"
pg_admin_url="${POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
mkdir -p .run/logs

# A broker that was already running is left running when we stop.
if deploy/kafka/kafka.sh status; then kafka_was_running=1; else kafka_was_running=0; fi
deploy/infra.sh up
mapfile -t services < <(grep -vE '^\s*(#|$)' "$here/services.conf")
node "$here/ensure-databases.js" "$pg_admin_url" $(printf 'sangeyipi_%s ' $(printf '%s\n' "${services[@]}" | awk '{print $1}'))

# One signing key for every service; a fresh one each run unless given.
export AUTH_JWT_SECRET="${AUTH_JWT_SECRET:-$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')}"

pids=()
stop_all() {
  echo "[run] stopping services"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
  if ((!kafka_was_running)); then deploy/infra.sh down; fi
}
trap stop_all EXIT INT TERM

for line in "${services[@]}"; do
  read -r name port <<<"$line"
  db_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/sangeyipi_"+process.argv[2]; console.log(u.toString())' "$pg_admin_url" "$name")"
  PORT="$port" DATABASE_URL="$db_url" KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:19092}" REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}" \
    SWC_NODE_PROJECT="$project/tsconfig.base.json" \
    node -r @swc-node/register "services/$name/src/main.ts" >".run/logs/$name.log" 2>&1 &
  pids+=($!)
  echo "[run] $name on http://127.0.0.1:$port (pid $!, log .run/logs/$name.log)"
done

not_ready=0
for line in "${services[@]}"; do
  read -r name port <<<"$line"
  ready=0
  for _ in $(seq 1 120); do
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "http://127.0.0.1:$port/health/ready"; then ready=1; break; fi
    sleep 0.5
  done
  if ((ready)); then echo "[run] $name ready"; else echo "[run] $name NOT ready after 60 s: see .run/logs/$name.log"; not_ready=1; fi
done
((not_ready)) || echo "[run] all services ready; Ctrl-C to stop"
# Stop everything as soon as one service exits, rather than run on with a hole in the platform.
wait -n "${pids[@]}" || true
echo "[run] a service exited; see .run/logs"
