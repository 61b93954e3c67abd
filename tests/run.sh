#!/usr/bin/env bash
# Runs every test, as CI does: installs what the tests need, starts the local services,
# runs `dotnet test` on the solution, stops the services, and prints "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

tests/services/install.sh
trap tests/services/stop.sh EXIT
tests/services/start.sh

results="$root/tests/TestResults"
rm -rf "$results"
status=0
# Each test has its own timeout (3 min by default, DefaultTimeoutTestFramework); --blame-hang-timeout is the outer
# guard for a hang outside any test (a fixture, the runner itself): it dumps and stops the run.
dotnet test TimeVision.Functions.sln --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" --blame-hang-timeout 5m "$@" || status=$?

total() { # counter name, summed over every project's TRX file
  cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | tr -dc '0-9\n' \
    | awk '{ sum += $1 } END { print sum + 0 }' 
}
passed="$(total passed)"; failed="$(total failed)"
skipped="$(( $(total total) - $(total executed) ))" # TRX counts a skipped test as not executed
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
