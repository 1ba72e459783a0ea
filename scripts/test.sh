#!/usr/bin/env bash
# Runs the whole test suite against a project-local PostgreSQL (database issuetracker_tests), installing what the
# tests need (PostgreSQL, Chromium) with apt when it is missing.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
source scripts/pg.sh
source scripts/apt.sh
source scripts/node.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
pg_ensure issuetracker_tests
# The board and API reference pages are tested in Debian's Chromium; the font renders Chinese in screenshots.
apt_ensure chromium fonts-wqy-zenhei
# The typed-client test (tests/typed-client) runs Node: its types, tsc and Prism come from its own locked packages.
node_ensure
# The OpenID provider the sign-in tests start (tests/oidc-provider), installed from its lock like the workbench.
npm_ci tests/oidc-provider
# The workbench: built into the host's static files (the browser tests use it) and its own unit tests (Vitest).
bash scripts/web.sh --test

# The fault tests start (and stop and start again) a cluster of their own in .local/pg-faults and stop it when they
# end; this stops it too should the test run itself be killed or crash.
trap 'PG_STATE_DIR=.local/pg-faults bash scripts/pg.sh stop >/dev/null 2>&1 || true' EXIT

results=$(mktemp -d)
status=0
dotnet test IssueTracker.sln --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line for CI, summed over every test project.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -e $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  skipped=$((skipped + $(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")))
  # Tests that report a figure for CI's log (e.g. the fuzz test's request count) mark the line with [ci].
  grep -ho '\[ci\][^<]*' "$trx" || true
done
rm -rf "$results"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if ((status == 0 && passed == 0)); then echo "no test ran" >&2; exit 1; fi
exit "$status"
