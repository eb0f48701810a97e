#!/usr/bin/env bash
# Regenerates the jest, vitest, mochawesome and WebdriverIO JUnit fixtures under tests/Praxi.FixEngine.Tests/Fixtures/.
# Needs: npm ci. No browser: the page objects throw what the drivers say. Every run fails on purpose; exit codes are ignored.
set -u
cd "$(dirname "$0")"
here=$(pwd)
fixtures=$(cd ../../Praxi.FixEngine.Tests/Fixtures && pwd)
mkdir -p "$fixtures/jest" "$fixtures/vitest" "$fixtures/mochawesome" "$fixtures/wdio"

(cd jest && npx jest --json --outputFile="$fixtures/jest/results.json" --rootDir . > /dev/null 2>&1 || true)
(cd vitest && npx vitest run --reporter=json --outputFile="$fixtures/vitest/results.json" > /dev/null 2>&1 || true)
# Cypress's mochawesome reporter writes one JSON per spec (html=false,json=true as its docs set it); mocha runs the
# same reporter here, since Cypress's binary cannot be installed.
rm -rf mochawesome-report
npx mocha cypress/e2e/checkout.cy.js --reporter mochawesome \
  --reporter-options reportDir=mochawesome-report,reportFilename=mochawesome,html=false,json=true > /dev/null 2>&1 || true
cp mochawesome-report/mochawesome.json "$fixtures/mochawesome/mochawesome.json"
rm -rf out
(cd wdio && node run-junit-reporter.mjs "$here/out" > /dev/null 2>&1)
cp out/wdio-0-0-junit-reporter.log out/wdio-0-1-junit-reporter.log "$fixtures/wdio/"
echo "done" >&2
