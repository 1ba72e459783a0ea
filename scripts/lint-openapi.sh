#!/usr/bin/env bash
# Writes the OpenAPI document without starting the host (no database needed) and lints it with Redocly's
# recommended rules (redocly.yaml). Fails on any error. Output: .local/openapi/v1.json (or the path given).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

source scripts/node.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=${1:-.local/openapi/v1.json}
mkdir -p "$(dirname -- "$out")"

dotnet build src/Host -v quiet -nologo
# The document generator builds the service collection only; the connection string is read but never opened.
ConnectionStrings__Marten=${ConnectionStrings__Marten:-"Host=unused;Database=unused"} ASPNETCORE_ENVIRONMENT=Development \
  dotnet run --project src/Host --no-build -- openapi --output "$(realpath -m "$out")" >/dev/null
echo "wrote $out"
node_ensure
npx --yes @redocly/cli@2.77.0 lint --config redocly.yaml "$out"
