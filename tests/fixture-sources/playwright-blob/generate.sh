#!/usr/bin/env bash
# Regenerates tests/Praxi.FixEngine.Tests/Fixtures/playwright-blob/: a run sharded in two, each shard's blob report
# (report-1.zip, report-2.zip) as a merge job downloads them. Uses the sample suite's @playwright/test
# (samples/e2e-ts: npm ci with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) and Chromium at /usr/bin/chromium.
# Two tests fail on purpose (a renamed id, a renamed input); the exit codes are ignored.
set -u
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
out=../../Praxi.FixEngine.Tests/Fixtures/playwright-blob
mkdir -p "$out"
ln -sfn ../../../samples/e2e-ts/node_modules node_modules
for shard in 1 2; do
  rm -rf blob-report
  CI=1 npx playwright test --shard="$shard/2" > /dev/null 2>&1 || true
  cp blob-report/report-"$shard".zip "$out/"
done
rm -rf blob-report test-results node_modules
echo "done: $(ls "$out")" >&2
