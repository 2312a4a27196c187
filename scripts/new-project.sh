#!/usr/bin/env bash
# Scaffolds the Nx project files (project.json, tsconfig, jest configs) for a library or service.
#   scripts/new-project.sh libs/<name> <type-tag> | services/<name>
set -euo pipefail
dir="$1"; name="$(basename "$dir")"
if [[ "$dir" == services/* ]]; then type="app"; scope="$name"; kind="application"; else type="$2"; scope="shared"; kind="library"; fi
mkdir -p "$dir/src" "$dir/test/int"
cat >"$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "../../node_modules/nx/schemas/project-schema.json",
  "projectType": "$kind",
  "sourceRoot": "$dir/src",
  "tags": ["type:$type", "scope:$scope"],
  "targets": {
    "lint": { "command": "eslint $dir" },
    "typecheck": { "command": "tsc -p $dir/tsconfig.json --noEmit" },
    "test": { "command": "jest -c $dir/jest.config.js --passWithNoTests" },
    "test:integration": { "command": "jest -c $dir/jest.int.config.js --passWithNoTests" }
  }
}
JSON
cat >"$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
JSON
echo "module.exports = require('../../jest.preset.js').forProject(__dirname, 'unit');" >"$dir/jest.config.js"
echo "module.exports = require('../../jest.preset.js').forProject(__dirname, 'int');" >"$dir/jest.int.config.js"
