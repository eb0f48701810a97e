#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need (Debian's Chromium,
# the samples' npm packages), builds, tests, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash eng/install-prereqs.sh || { echo "prerequisites failed to install"; echo "0 passed, 1 failed"; exit 1; }

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet build Praxi.FixEngine.sln -c Release -warnaserror 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# Every test process makes its temp folders in a root of its own under PRAXI_TEST_TEMP and removes it after its last
# test (tests/Praxi.Testing): this run's folder must be gone, or empty, when all projects have run.
temp_run=$(mktemp -d "${TMPDIR:-/tmp}/praxi-test-run.XXXXXX")
export PRAXI_TEST_TEMP="$temp_run"

# One project at a time, each with its own TRX file: parallel runs would share a timestamped TRX name, and the
# browser tests need the two cores to themselves.
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=${name}.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
done

# Reported, not counted as a failure: a process the tests started may still be writing there.
if [ -d "$temp_run" ] && [ -n "$(ls -A "$temp_run")" ]; then
  echo "temp folders: left behind under $temp_run: $(cd "$temp_run" && find . -mindepth 1 -maxdepth 2 | cut -c3- | sort | head -n 20 | paste -sd ' ' -)"
else
  echo "temp folders: none left behind under $temp_run"
fi
rm -rf "$temp_run"

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  t=$(echo "$counters" | grep -o ' total="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without a failed test (a crash, a missing TRX): count it as a failure.
  failed=1
fi

echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
