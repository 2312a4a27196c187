#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft) on 127.0.0.1, built from Maven Central artifacts.
#
#   deploy/kafka/kafka.sh start   resolve the jars once (cached), format storage on first use, start, wait until it answers
#   deploy/kafka/kafka.sh stop    stop the broker this script started
#   deploy/kafka/kafka.sh status  exit 0 when the broker answers
#   deploy/kafka/kafka.sh reset   stop it and delete its storage (every topic and message)
#
# Environment: KAFKA_PORT (default 19092), KAFKA_CACHE (jar cache, default ~/.cache/sangeyipi/kafka),
# KAFKA_RUN_DIR (storage, logs and pid, default .run/kafka in the project), KAFKA_HEAP (default 512m).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
port="${KAFKA_PORT:-19092}"
controller_port="$((port + 1))"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
cache="${KAFKA_CACHE:-$HOME/.cache/sangeyipi/kafka}/$kafka_version"
run_dir="${KAFKA_RUN_DIR:-$project/.run/kafka}"
pid_file="$run_dir/kafka.pid"

say() { echo "[kafka] $*" >&2; }

broker_answers() {
  # A TCP connect is not enough: wait until the broker's port accepts and the log says it started.
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && grep -q "Kafka Server started" "$run_dir/logs/server.log" 2>/dev/null
}

resolve_jars() {
  if [[ -f "$cache/.complete" ]]; then return; fi
  command -v java >/dev/null || { say "java is missing: install a JDK 17 or newer (Debian: openjdk-17-jdk-headless)"; exit 1; }
  command -v mvn >/dev/null || { say "mvn is missing: install Apache Maven (Debian: maven)"; exit 1; }
  say "resolving org.apache.kafka:kafka_2.13:$kafka_version from Maven Central into $cache"
  rm -rf "$cache" && mkdir -p "$cache"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$cache/libs"
  touch "$cache/.complete"
}

start() {
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null && broker_answers; then
    say "already running on 127.0.0.1:$port (pid $(cat "$pid_file"))"; return
  fi
  resolve_jars
  mkdir -p "$run_dir/data" "$run_dir/logs"
  : >"$run_dir/logs/server.log"
  cat >"$run_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$run_dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.ms=-1
log.retention.bytes=-1
PROPS
  local classpath="$cache/libs/*"
  local jvm=(-Xms256m "-Xmx${KAFKA_HEAP:-512m}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1
             -Dkafka.logs.dir="$run_dir/logs" -Dlog4j2.configurationFile="$here/log4j2.yaml")
  # Storage is kept between starts (topics are the platform's history); `reset` wipes it.
  if [[ ! -f "$run_dir/data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$classpath" "${jvm[@]}" kafka.tools.StorageTool random-uuid)"
    java -cp "$classpath" "${jvm[@]}" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$run_dir/server.properties" >"$run_dir/logs/format.log" 2>&1 \
      || { say "formatting storage failed:"; cat "$run_dir/logs/format.log" >&2; exit 1; }
  fi
  nohup java -cp "$classpath" "${jvm[@]}" kafka.Kafka "$run_dir/server.properties" \
    >"$run_dir/logs/stdout.log" 2>&1 &
  echo $! >"$pid_file"
  for _ in $(seq 1 120); do
    if broker_answers; then say "broker ready on 127.0.0.1:$port (pid $(cat "$pid_file"))"; return; fi
    kill -0 "$(cat "$pid_file")" 2>/dev/null || { say "broker exited:"; tail -30 "$run_dir/logs/stdout.log" >&2; exit 1; }
    sleep 0.5
  done
  say "broker did not answer within 60 s; see $run_dir/logs"; exit 1
}

stop() {
  [[ -f "$pid_file" ]] || return 0
  local pid; pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) broker_answers ;;
  reset) stop; rm -rf "$run_dir"; say "storage deleted" ;;
  *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
