#!/usr/bin/env bash
# Runs the whole test suite against a project-local PostgreSQL (database issuetracker_tests), installing what the
# tests need (PostgreSQL, Chromium) with apt when it is missing.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
source scripts/pg.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
pg_ensure issuetracker_tests

# The API reference page is checked in headless Chromium (Debian's package).
if ! command -v chromium >/dev/null; then
  echo "test.sh: installing Chromium for the browser tests" >&2
  apt_get() { if [[ $EUID -eq 0 ]]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
  DEBIAN_FRONTEND=noninteractive apt_get update >&2
  DEBIAN_FRONTEND=noninteractive apt_get install -y chromium >&2
fi

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
done
rm -rf "$results"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if ((status == 0 && passed == 0)); then echo "no test ran" >&2; exit 1; fi
exit "$status"
