#!/usr/bin/env bash
# Regenerates tests/Praxi.FixEngine.Tests/Fixtures/playwright-list/: the list reporter's output beside the JSON report
# of the same run, at several terminal widths — as a CI log (plain, 100 columns), and as terminals of 40, 60, 80 and 90
# columns print it (PLAYWRIGHT_FORCE_TTY=<width>, colours on) — so that failure headers end in a long rule, a rule of
# one '─', a bare space, or run past the width. Each width's pair goes to its own folder (list.log + results.json).
# Uses the sample suite's @playwright/test (samples/e2e-ts: npm ci with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) and
# Chromium at /usr/bin/chromium. Five tests fail on purpose; the exit codes are ignored.
set -u
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
out=../../Praxi.FixEngine.Tests/Fixtures/playwright-list
rm -rf "$out" && mkdir -p "$out"
ln -sfn ../../../samples/e2e-ts/node_modules node_modules
run() { # folder, then env
  local folder=$1; shift
  mkdir -p "$out/$folder"
  env "$@" PRAXI_JSON_OUT="$out/$folder/results.json" npx playwright test > "$out/$folder/list.log" 2>&1 || true
}
run ci CI=1
for width in 40 60 80 90; do
  run "tty-$width" CI=1 PLAYWRIGHT_FORCE_TTY="$width"
done
rm -rf test-results node_modules
echo "done: $(ls "$out")" >&2
