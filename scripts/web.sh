#!/usr/bin/env bash
# Builds the workbench (src/Web) into the host's static files (src/Host/wwwroot/app): installs the locked packages
# when they changed, generates the API types from the host's OpenAPI document, type-checks with vue-tsc (a mismatch
# fails the build) and bundles with Vite. `--test` also runs the app's Vitest unit tests.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
source scripts/node.sh
node_ensure
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
npm_ci src/Web
cd src/Web
npm run build --silent
if [[ ${1:-} == --test ]]; then npm test --silent; fi
