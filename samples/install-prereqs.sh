#!/usr/bin/env bash
# Installs what the samples (PraxiShop, its Playwright suites, the scenario runner) need on a Debian 12 machine.
# Idempotent: installs Chromium + chromedriver from apt only when missing, then `npm ci` for the TypeScript suite.
# Playwright never downloads a browser here: both suites drive /usr/bin/chromium.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "install-prereqs: installing chromium and chromium-driver from apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium chromium-driver
fi
/usr/bin/chromium --version >&2 2>/dev/null || { echo "install-prereqs: /usr/bin/chromium does not run" >&2; exit 1; }

for tool in dotnet node npm curl flock; do
  command -v "$tool" >/dev/null || { echo "install-prereqs: $tool is missing" >&2; exit 1; }
done

echo "install-prereqs: npm ci in samples/e2e-ts" >&2
(cd "$here/e2e-ts" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
