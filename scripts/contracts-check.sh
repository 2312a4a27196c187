#!/usr/bin/env bash
# Checks the integration-event contracts (proto/ and libs/contracts/src/gen):
#   (a) buf lint and buf format: style, versioned packages, a comment on every element;
#   (b) the committed TypeScript in libs/contracts/src/gen is what proto/ generates now;
#   (c) buf breaking: no change breaks compatibility with the last released contracts.
#
# The "previous version" for (c) is a committed Buf image, proto/baseline/contracts.binpb, rather
# than a git ref: it works on a fresh or shallow CI clone (no history, no fetching of main), it
# compares against what was *released* (not whatever the target branch happens to hold), and
# moving it forward is a deliberate, reviewable change made when a release is cut:
#   npm run contracts:baseline
# Between releases, fields may be added and removed again freely; nothing released is affected.
#
# Usage (from anywhere): scripts/contracts-check.sh        (npm run contracts:check)
set -euo pipefail
cd "$(dirname "$0")/.."

BUF=node_modules/.bin/buf
GEN_TEMPLATE=proto/buf.gen.yaml
GEN_DIR=libs/contracts/src/gen
BASELINE=proto/baseline/contracts.binpb

echo "contracts: buf lint"
if ! "$BUF" lint proto; then
  echo "proto lint failed (STANDARD + COMMENTS rules in proto/buf.yaml)" >&2
  exit 1
fi
if ! "$BUF" format --diff --exit-code proto; then
  echo "proto files are not formatted: run npx buf format -w proto" >&2
  exit 1
fi

echo "contracts: generated code is current"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$BUF" generate proto --template "$GEN_TEMPLATE" --output "$tmp"
if ! diff -r "$tmp/$GEN_DIR" "$GEN_DIR" >"$tmp/gen.diff" 2>&1; then
  head -n 40 "$tmp/gen.diff" >&2
  echo "generated contracts are stale: run npm run contracts:generate" >&2
  exit 1
fi

echo "contracts: buf breaking against $BASELINE"
if [[ ! -f "$BASELINE" ]]; then
  echo "missing $BASELINE: run npm run contracts:baseline and commit it" >&2
  exit 1
fi
if ! "$BUF" breaking proto --against "$BASELINE"; then
  echo "breaking change against the released contracts ($BASELINE): add fields instead, or create a" >&2
  echo "new package version (v2) with an upcaster; see proto/README.md" >&2
  exit 1
fi

echo "contracts: OK"
