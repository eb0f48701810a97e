#!/usr/bin/env bash
# Records the trace-format fixtures (tests/Praxi.FixEngine.Tests/Fixtures/trace-formats/): one real failed run per
# Playwright trace format, v3 to the newest, on the sample app. Run by hand, never by CI (it installs old npm packages).
#
#   eng/record-version-traces.sh [npm-version...] [--dotnet]
#
# Without arguments it records every version of VERSIONS below and the .NET library trace. For each npm version of
# @playwright/test it installs the package into $PRAXI_PW_VERSIONS/<version> (default /tmp/praxi-pw-versions; never a
# browser: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and --ignore-scripts), writes a one-test project (the spec below, a
# playwright.config.js with trace retain-on-failure, snapshots and sources on, screenshots off) and runs it with that
# version's own test runner against PraxiShop started with PRAXISHOP_BREAK=renamed-selector: the product page's
# button is now #add-to-basket, so the test's goto and fill pass and its click on #add-to-cart fails. The test drives
# Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) with --no-sandbox --disable-dev-shm-usage --disable-gpu.
# --dotnet records the same calls with Microsoft.Playwright for .NET (the version in Directory.Packages.props) and
# library tracing (context.Tracing), from a console program built in a temp folder.
#
# Each fixture folder gets test-results/<test folder>/ as the runner left it (trace.zip, error-context.md when the
# version writes one; screencast frames removed from the zip if the version recorded any), the spec as it was run
# (tests/cart.spec.ts, or CartTests.cs), and manifest.json: package, version, the trace format read from the
# trace's context-options event, the old and new selector. A version that cannot drive today's Chromium leaves no
# folder; the script says how far it got (the run's log) and carries on. Exit code: 0 when every version recorded, 1
# when some did not, 2 for a missing prerequisite.
set -euo pipefail

tool=record-version-traces.sh
usage_line="eng/record-version-traces.sh [npm-version...] [--dotnet]"
# shellcheck source=samples/scenarios/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/samples/scenarios/lib.sh"

# One version per trace format (context-options.version): v3 up to 1.31, v4 1.32-1.38.0, v5 1.38.1-1.39, v6 1.40-1.44,
# v7 1.45-1.52, v8 1.53-1.62, v9 1.63, v10 1.64 on. 1.19.2 is the oldest that drives Chromium 156: 1.18.1 and 1.17.2
# (also v3) stop while the browser fixture launches it, on "Unknown target type: browser_ui" (older Playwright asserts
# on a CDP target type it does not know; 1.19 ignores them), before any page call.
VERSIONS=(1.19.2 1.21.1 1.31.2 1.36.2 1.39.0 1.44.1 1.52.0 1.62.1 1.63.0 1.65.1)

fixtures="$repo/tests/Praxi.FixEngine.Tests/Fixtures/trace-formats"
cache="${PRAXI_PW_VERSIONS:-/tmp/praxi-pw-versions}"

versions=()
dotnet_too=false
for a in "$@"; do
  case "$a" in
    --dotnet) dotnet_too=true ;;
    -h|--help) echo "usage: $usage_line"; exit 0 ;;
    [0-9]*) versions+=("$a") ;;
    *) echo "usage: $usage_line" >&2; die "unknown argument: $a" ;;
  esac
done
if [[ $# -eq 0 ]]; then
  versions=("${VERSIONS[@]}")
  dotnet_too=true
fi

require_prereqs
command -v zip >/dev/null || die "zip is not on PATH (apt-get install zip)"
command -v unzip >/dev/null || die "unzip is not on PATH (apt-get install unzip)"

work="$(mktemp -d "${TMPDIR:-/tmp}/praxi-record-traces.XXXXXX")"
server_log="$work/server.log"
app_pid=""
app_launcher=()
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT

log "building PraxiShop"
build_project "$samples/PraxiShop/PraxiShop.csproj" PraxiShop "$work/build.log"
app_env=("Database__Path=$work/db/praxishop.db" "DataProtection__KeysPath=$work/keys")
mkdir -p "$work/db"
seed_database "$work/seed.log"
url="http://127.0.0.1:$(free_port)"
start_app renamed-selector || { tail -n 40 "$server_log" >&2; die "PraxiShop did not start"; }
log "PraxiShop answers on $url (PRAXISHOP_BREAK=renamed-selector)"

# The test every version runs; only APIs that 1.21 already has (page.locator, fill, click).
write_spec() {
  cat >"$1" <<'SPEC'
import { test } from '@playwright/test';

test('adds a product to the cart', async ({ page }) => {
  await page.goto('/products/canvas-tote');
  await page.locator('#quantity').fill('2');
  await page.locator('#add-to-cart').click({ timeout: 3000 });
});
SPEC
}

write_config() {
  cat >"$1" <<CONFIG
// Written by eng/record-version-traces.sh: one worker, no retries, a trace of the failed test with DOM snapshots and
// sources but no screencast, Debian's Chromium.
module.exports = {
  testDir: './tests',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  timeout: 30000,
  use: {
    baseURL: process.env.PRAXISHOP_URL,
    trace: { mode: 'retain-on-failure', snapshots: true, screenshots: false, sources: true },
    launchOptions: {
      executablePath: '$chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    },
  },
};
CONFIG
}

# trace_format ZIP -> the format (context-options.version) of the first call trace in the zip
trace_format() {
  local entry
  entry="$(unzip -Z1 "$1" | grep -E '^([0-9]+-)?trace\.trace$' | head -n 1)"
  unzip -p "$1" "$entry" | head -n 1 | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => process.stdout.write(String(JSON.parse(s).version)));'
}

# strip_screencast ZIP: screencast frames are not evidence the readers use, and they are most of a trace's bytes.
strip_screencast() {
  if unzip -Z1 "$1" | grep -qE '^screencast/|\.jpeg$'; then
    zip -q -d "$1" 'screencast/*' '*.jpeg' >/dev/null || true
  fi
}

write_manifest() { # write_manifest OUT PACKAGE VERSION FORMAT SPEC
  node -e '
    const [out, pkg, version, format, spec, chromium] = process.argv.slice(1);
    const m = { package: pkg, version, format: Number(format), spec, old: "#add-to-cart", new: "#add-to-basket", chromium };
    require("fs").writeFileSync(out, JSON.stringify(m, null, 2) + "\n");' "$1" "$2" "$3" "$4" "$5" "$("$chromium" --version 2>/dev/null | head -n 1)"
}

failed=()

record_npm() {
  local v="$1" pkg="$cache/$1" proj="$work/pw-$1" out="$fixtures/npm-$1" folder zip format
  if [[ ! -d "$pkg/node_modules/@playwright/test" ]]; then
    log "installing @playwright/test@$v into $pkg (no browser)"
    mkdir -p "$pkg"
    printf '{"name":"pw-%s","private":true,"devDependencies":{"@playwright/test":"%s"}}\n' "$v" "$v" >"$pkg/package.json"
    (cd "$pkg" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --ignore-scripts) >"$work/install-$v.log" 2>&1 \
      || { cat "$work/install-$v.log" >&2; failed+=("$v (npm install failed)"); return 0; }
  fi
  mkdir -p "$proj/tests"
  ln -s "$pkg/node_modules" "$proj/node_modules"
  write_spec "$proj/tests/cart.spec.ts"
  write_config "$proj/playwright.config.js"
  log "running @playwright/test@$v"
  (cd "$proj" && env PRAXISHOP_URL="$url" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 CI=1 \
    timeout 180 node node_modules/@playwright/test/cli.js test --reporter=list) >"$proj/run.log" 2>&1 || true
  zip="$(find "$proj/test-results" -name trace.zip 2>/dev/null | head -n 1)"
  if [[ -z "$zip" ]] || ! grep -q "add-to-cart" "$proj/run.log"; then
    log "@playwright/test@$v recorded no failed click on #add-to-cart; its run:"
    sed 's/^/    /' "$proj/run.log" | head -n 60 >&2
    failed+=("$v")
    return 0
  fi
  strip_screencast "$zip"
  format="$(trace_format "$zip")"
  rm -rf "$out"
  mkdir -p "$out/tests"
  cp -r "$proj/test-results" "$out/test-results"
  rm -f "$out/test-results/.last-run.json"
  cp "$proj/tests/cart.spec.ts" "$out/tests/cart.spec.ts"
  write_manifest "$out/manifest.json" @playwright/test "$v" "$format" tests/cart.spec.ts
  folder="$(dirname "$zip")"
  log "@playwright/test@$v: trace format v$format, $(du -k "$zip" | cut -f1) KB ($(basename "$folder"))"
}

record_dotnet() {
  local v proj="$work/dotnet" out="$fixtures/dotnet-library" zip format
  v="$(sed -n 's/.*PackageVersion Include="Microsoft.Playwright" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")"
  [[ -n "$v" ]] || die "no Microsoft.Playwright version in Directory.Packages.props"
  mkdir -p "$proj"
  cat >"$proj/RecordTrace.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Playwright" Version="$v" />
  </ItemGroup>
</Project>
CSPROJ
  cat >"$proj/CartTests.cs" <<'CS'
using Microsoft.Playwright;

// Written by eng/record-version-traces.sh: the renamed-selector failure with library tracing, as a .NET test fixture
// would record it (snapshots and sources, no screencast), saved to test-results/<Class.Method>/trace.zip.
var baseUrl = args[0];
var folder = Path.Combine(args[1], "CartTests.AddsAProductToTheCart");
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
await context.Tracing.StartAsync(new() { Screenshots = false, Snapshots = true, Sources = true, Title = "CartTests.AddsAProductToTheCart" });
var page = await context.NewPageAsync();
try
{
    await CartTests.AddsAProductToTheCart(page);
    return 1;
}
catch (TimeoutException ex)
{
    Console.WriteLine(ex.Message);
    Directory.CreateDirectory(folder);
    await context.Tracing.StopAsync(new() { Path = Path.Combine(folder, "trace.zip") });
    return 0;
}

internal static class CartTests
{
    public static async Task AddsAProductToTheCart(IPage page)
    {
        await page.GotoAsync("/products/canvas-tote");
        await page.Locator("#quantity").FillAsync("2");
        await page.Locator("#add-to-cart").ClickAsync(new() { Timeout = 3000 });
    }
}
CS
  log "building the Microsoft.Playwright $v recorder"
  (cd "$proj" && dotnet build -c Release --nologo -v q) >"$proj/build.log" 2>&1 || { cat "$proj/build.log" >&2; failed+=("Microsoft.Playwright $v (build)"); return 0; }
  log "running Microsoft.Playwright $v"
  (cd "$proj" && env CHROMIUM_PATH="$chromium" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    timeout 180 dotnet bin/Release/net10.0/RecordTrace.dll "$url" "$proj/test-results") >"$proj/run.log" 2>&1 || true
  zip="$proj/test-results/CartTests.AddsAProductToTheCart/trace.zip"
  if [[ ! -f "$zip" ]]; then
    log "Microsoft.Playwright $v recorded no trace; its run:"
    sed 's/^/    /' "$proj/run.log" | head -n 60 >&2
    failed+=("Microsoft.Playwright $v")
    return 0
  fi
  strip_screencast "$zip"
  format="$(trace_format "$zip")"
  rm -rf "$out"
  mkdir -p "$out"
  cp -r "$proj/test-results" "$out/test-results"
  cp "$proj/CartTests.cs" "$out/CartTests.cs"
  write_manifest "$out/manifest.json" Microsoft.Playwright "$v" "$format" CartTests.cs
  log "Microsoft.Playwright $v: trace format v$format, $(du -k "$zip" | cut -f1) KB"
}

for v in "${versions[@]}"; do
  record_npm "$v"
done
[[ "$dotnet_too" == true ]] && record_dotnet

if [[ ${#failed[@]} -gt 0 ]]; then
  log "not recorded: ${failed[*]}"
  exit 1
fi
log "recorded into $fixtures"
