#!/usr/bin/env bash
# The whole test run, as CI runs it: lint (module boundaries included), typecheck, unit tests,
# contract checks, then integration tests against real PostgreSQL, Kafka and Redis.
# Needs: Node 20 with npm, a JDK 17+ and Maven (for the Kafka broker), PostgreSQL and Redis
# on 127.0.0.1 (deploy/infra.sh starts them where installed, or names what is missing), and
# Chromium (deploy/browser.sh installs it with apt-get where it can, or names what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-false}"
started=$(date +%s)
stage() { echo; echo "=== $* ($(( $(date +%s) - started ))s)"; }

if [[ ! -d node_modules ]]; then stage "installing packages"; npm ci; fi

stage "infrastructure"
# A broker that was already running (a developer's, or a second run's) is left running.
if deploy/kafka/kafka.sh status; then kafka_was_running=1; else kafka_was_running=0; fi
deploy/infra.sh up
if ((!kafka_was_running)); then trap 'deploy/infra.sh down' EXIT; fi
deploy/browser.sh # headless Chromium for the portal's browser tests

stage "lint, typecheck, unit tests"
npx nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream

stage "contracts"
npm run -s contracts:check

stage "integration tests"
TEST_RUN_ID="t$(date +%s)$$" npx nx run-many -t test:integration --parallel=1 --outputStyle=stream

stage "all tests passed"
