#!/usr/bin/env bash
# Idempotent: installs Debian's Chromium (the browser tests never download one) and the samples' npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f samples/install-prereqs.sh ]; then
  exec bash samples/install-prereqs.sh
fi
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi
