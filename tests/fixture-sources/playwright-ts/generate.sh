#!/usr/bin/env bash
# Regenerates the Playwright fixtures under tests/Praxi.FixEngine.Tests/Fixtures/playwright-ts/.
# Needs: npm install (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1), python3, Chromium at /usr/bin/chromium.
# Every run fails on purpose (7 failed, 1 flaky, 2 passed); the exit code is ignored.
set -u
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
out=../../Praxi.FixEngine.Tests/Fixtures/playwright-ts
mkdir -p "$out"

run() { # name, then env/args
  local name=$1; shift
  echo "== $name" >&2
  env "$@" > "$out/$name" 2>&1 || true
}

run list.log       CI=1 npx playwright test --reporter=list
run list-ansi.log  CI=1 FORCE_COLOR=1 npx playwright test --reporter=list
run line.log       CI=1 npx playwright test --reporter=line
run dot.log        CI=1 npx playwright test --reporter=dot
run github.log     CI=1 npx playwright test --reporter=github
# The XML and JSON files are written here first: JUnit attachment paths are relative to the XML file,
# so they read test-results/... as they would in a CI artifact.
CI=1 PLAYWRIGHT_JSON_OUTPUT_NAME=results.json npx playwright test --reporter=json > /dev/null 2>&1 || true
CI=1 PLAYWRIGHT_JUNIT_OUTPUT_NAME=junit.xml npx playwright test --reporter=junit > /dev/null 2>&1 || true
mv results.json junit.xml "$out/"
echo "done: $(ls "$out")" >&2
