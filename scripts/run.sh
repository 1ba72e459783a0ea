#!/usr/bin/env bash
# Runs IssueTracker on http://127.0.0.1:5080 (override with ASPNETCORE_URLS), with a project-local PostgreSQL
# when ConnectionStrings__Marten is not set.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
source scripts/pg.sh

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
urls=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
base=${urls%%;*}

pg_ensure issuetracker
# The workbench (src/Web) is built into the host's static files; the host serves it at /.
bash scripts/web.sh
dotnet build src/Host -c Release -v quiet -nologo
host=(dotnet run --project src/Host -c Release --no-build --)

# Demo data of 明光路街道 (idempotent: a second run adds nothing).
board=$("${host[@]}" seed --url "$base" | grep -E '^(Added|The demo|Board:)' | tee /dev/stderr | sed -n 's/^Board: //p')
token=$("${host[@]}" token --role host --name 李主任 --hours 720 | tail -n 1)
cat <<MSG

  IssueTracker is starting at $base
    the workbench (工作台):  $base/   (sign in at $base/signin: pick a person of the demo street)
    the live status board:  $board
    API reference:          $base/scalar
    OpenAPI:                $base/openapi/v1.json
    health:                 $base/health/ready
  A host token for the street "mingguanglu" (valid 30 days), for Authorization: Bearer …
    $token

MSG
exec "${host[@]}" --urls "$urls"
