#!/usr/bin/env bash
# The real infrastructure the services and integration tests need, on 127.0.0.1:
#   PostgreSQL (5432)  checked; started with pg_ctlcluster where the Debian cluster exists
#   Redis      (6379)  checked; started with redis-server where the binary exists
#   Kafka      (19092) a KRaft broker from Maven Central artifacts (deploy/kafka/kafka.sh)
#
#   deploy/infra.sh up     make all three answer, or say exactly what is missing
#   deploy/infra.sh down   stop the Kafka broker started by `up` (PostgreSQL and Redis are shared)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pg_host="${PGHOST_ADDR:-127.0.0.1}"; pg_port="${PGPORT:-5432}"
redis_port="${REDIS_PORT:-6379}"

say() { echo "[infra] $*" >&2; }
answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_for() { for _ in $(seq 1 40); do answers "$1" "$2" && return 0; sleep 0.25; done; return 1; }

postgres_up() {
  if answers "$pg_host" "$pg_port"; then say "PostgreSQL answers on $pg_host:$pg_port"; return; fi
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    wait_for "$pg_host" "$pg_port" && { say "PostgreSQL started"; return; }
  fi
  say "MISSING: PostgreSQL on $pg_host:$pg_port (trust auth for user postgres)."
  say "  Debian: apt-get install postgresql && pg_ctlcluster <version> main start"
  return 1
}

redis_up() {
  if answers 127.0.0.1 "$redis_port"; then say "Redis answers on 127.0.0.1:$redis_port"; return; fi
  if command -v redis-server >/dev/null; then
    say "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >/dev/null
    wait_for 127.0.0.1 "$redis_port" && { say "Redis started"; return; }
  fi
  say "MISSING: Redis on 127.0.0.1:$redis_port.  Debian: apt-get install redis-server"
  return 1
}

case "${1:-}" in
  up)
    failed=0
    postgres_up || failed=1
    redis_up || failed=1
    "$here/kafka/kafka.sh" start || failed=1
    if ((failed)); then say "infrastructure incomplete: see MISSING lines above"; exit 1; fi
    ;;
  down) "$here/kafka/kafka.sh" stop ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
