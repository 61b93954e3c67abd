#!/usr/bin/env bash
# Runs every test, as CI does: installs what the tests need, starts the local services, runs the six test
# programs (or `dotnet test` with the arguments given), stops the services, and prints "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

trap tests/services/stop.sh EXIT
results="$root/tests/TestResults"
rm -rf "$results"
mkdir -p "$results"
status=0
if [ "$#" -gt 0 ]; then
  tests/services/install.sh
  tests/services/start.sh
  # Arguments (a --filter, say) go to dotnet test, as before.
  dotnet test TimeVision.Functions.sln --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --blame-hang-timeout 5m "$@" || status=$?
else
  # The whole suite runs each xunit v3 test program directly, all six at once, each from its output folder as
  # dotnet test would. The VSTest adapter's out-of-process discovery took 30-40 s for the Functions tests here and once
  # hung for good (the test process blocked writing to a pipe nobody read), so CI does not go through it. Each test has
  # its own timeout (3 min by default, DefaultTimeoutTestFramework); `timeout` is the outer guard for a hang outside any
  # test, and -longRunning names a test still running after 2 minutes.
  # Installing the services (npm ci alone is a minute on a fresh clone) and starting them goes on while the solution
  # restores and builds: neither needs the other, and the tests need both. apt-get comes first, in the foreground,
  # as sudo may ask.
  tests/services/install.sh system
  (tests/services/install.sh services && tests/services/start.sh) > "$results/services.log" 2>&1 &
  services=$!
  # Tiered PGO instruments the methods JIT'd at tier 0 and JITs them again with what it measured; in test programs
  # that run most code only a few times that work seldom pays back (here it was a quarter of the Functions tests' CPU
  # time and a tenth of Core's). The timevision processes some tests start inherit it.
  export DOTNET_TieredPGO=0
  pids=()
  start_tests() { # project: runs its test program in the background, from its output folder as dotnet test would
    (
      cd "tests/TimeVision.$1.Tests/bin/Debug/net10.0"
      timeout --kill-after=30s 25m dotnet "TimeVision.$1.Tests.dll" -noColor -noLogo -longRunning 120 \
        -trx "$results/TimeVision.$1.Tests.trx" > "$results/TimeVision.$1.Tests.log" 2>&1
    ) &
    pids+=("$!")
  }
  # The Core tests, the largest program, need only Core and the test helpers: they start as soon as those are built
  # and the services answer, and run while the rest of the solution builds (a build keeps about one of the two
  # cores busy, so the other one works instead of waiting).
  restore_status=0
  dotnet restore TimeVision.Functions.sln -v q -nologo || restore_status=$?
  core_status=0
  [ "$restore_status" -ne 0 ] || dotnet build tests/TimeVision.Core.Tests --no-restore -v q -nologo || core_status=$?
  wait "$services" || { cat "$results/services.log"; exit 1; }
  cat "$results/services.log"
  echo "=== Core and its tests built, services answering: ${SECONDS} s"
  [ "$restore_status" -eq 0 ] && [ "$core_status" -eq 0 ] && start_tests Core
  [ "$restore_status" -eq 0 ] && [ "$core_status" -eq 0 ] || status=1
  [ "$status" -ne 0 ] || dotnet build TimeVision.Functions.sln --no-restore -v q -nologo || status=$?
  echo "=== Solution built: ${SECONDS} s"
  if [ "$status" -eq 0 ]; then
    for project in Functions Cli Web Infra Hosting.Local; do
      start_tests "$project"
    done
  fi
  for pid in "${pids[@]}"; do
    wait "$pid" || status=$?
  done
  echo "=== Tests ended: ${SECONDS} s"
  for project in Core Cli Functions Infra Web Hosting.Local; do
    [ -f "$results/TimeVision.$project.Tests.log" ] || continue
    echo "=== TimeVision.$project.Tests"
    cat "$results/TimeVision.$project.Tests.log"
  done
fi

total() { # counter name, summed over every project's TRX file
  cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | tr -dc '0-9\n' \
    | awk '{ sum += $1 } END { print sum + 0 }' 
}
slowest() { # the ten slowest tests of the run, so the next regression in the suite's time is seen
  cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*' \
    | sed -E 's/.*testName="([^"]*)".*duration="([0-9]+):([0-9]+):([0-9.]+)".*/\2 \3 \4 \1/' \
    | awk '{ name = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", name); printf "%8.1f s  %s\n", $1 * 3600 + $2 * 60 + $3, name }' \
    | sort -rn | sed -n '1,10p' # sed reads to the end: head would close the pipe early and pipefail would end the script
}
echo "=== The ten slowest tests"
slowest || true # a report only: it never decides the run
passed="$(total passed)"; failed="$(total failed)"
skipped="$(( $(total total) - $(total executed) ))" # TRX counts a skipped test as not executed
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
