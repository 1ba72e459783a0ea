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
dotnet build src/Host -c Release -v quiet -nologo
host=(dotnet run --project src/Host -c Release --no-build --)

token=$("${host[@]}" token --role host --name 李主任 --hours 720 | tail -n 1)
cat <<MSG

  IssueTracker is starting at $base
    health:   $base/health/ready
    OpenAPI:  $base/openapi/v1.json
    API reference: $base/scalar/
  A host token for the street "mingguanglu" (valid 30 days):
    $token

MSG
exec "${host[@]}" --urls "$urls"
