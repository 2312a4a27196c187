#!/usr/bin/env bash
# Distributed mode on one machine: every service in its own process against the local
# Kafka, PostgreSQL and Redis (deploy/infra.sh), each with its own database and port
# (deploy/local/services.conf), the portal served by the gateway, the demo users, and the same
# demo world and simulator as the embedded mode (DEMO_WORLD=full|small|off, DEMO_RATE_PER_MINUTE).
# Logs go to .run/logs/<service>.log and .run/logs/demo.log. Ctrl-C stops everything.
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

# The gateway serves the portal's build: made once, again only when it is missing.
if [[ ! -f dist/apps/portal/index.html ]]; then
  echo "[run] building the portal (once)"
  NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false npx nx run portal:build --outputStyle=static >/dev/null
fi

# One signing key for every service; a fresh one each run unless given.
export AUTH_JWT_SECRET="${AUTH_JWT_SECRET:-$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')}"

pids=()
demo_pid=
stop_all() {
  echo "[run] stopping services"
  if [[ -n "$demo_pid" ]]; then kill -TERM "$demo_pid" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
  if ((!kafka_was_running)); then deploy/infra.sh down; fi
}
trap stop_all EXIT INT TERM

for line in "${services[@]}"; do
  read -r name port <<<"$line"
  db_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/sangeyipi_"+process.argv[2]; console.log(u.toString())' "$pg_admin_url" "$name")"
  AUTH_DEMO_USERS="${AUTH_DEMO_USERS:-true}" PORT="$port" DATABASE_URL="$db_url" KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:19092}" REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}" \
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
((not_ready)) || echo "[run] all services ready at http://127.0.0.1:3000 (demo users: docs/gateway.md, password sgyp-demo-2025); Ctrl-C to stop"
if ((!not_ready)) && [[ "${DEMO_WORLD:-full}" != off ]]; then
  SWC_NODE_PROJECT="$project/tsconfig.base.json" node -r @swc-node/register apps/embedded/src/demo-runner.ts >.run/logs/demo.log 2>&1 &
  demo_pid=$!
  echo "[run] demo world and simulator (log .run/logs/demo.log)"
fi
# Stop everything as soon as one service exits, rather than run on with a hole in the platform.
wait -n "${pids[@]}" || true
echo "[run] a service exited; see .run/logs"
