import { defineConfig } from '@playwright/test';
import { baseURL, storageStatePath } from './tests/support/env';

// Never download a browser: the suite drives the system Chromium (Debian's `chromium` package).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// PRAXI_KEEP_TRACES=1 keeps a trace of every test, passing ones too: a green run's DOM evidence (each call's snapshots
// mark the element it resolved to) for `praxi baseline record`. Without screencast frames, to keep the traces small.
const keepTraces = process.env.PRAXI_KEEP_TRACES === '1';

// PRAXI_HTML_REPORT=1 adds the HTML reporter (what `npm init playwright` sets up and CI workflows upload as
// playwright-report/): `praxi analyze`/`heal` read that folder, or a zip of it, like test-results.
const htmlReport = process.env.PRAXI_HTML_REPORT === '1';

export default defineConfig({
  testDir: './tests',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 20_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'results.json' }],
    ['junit', { outputFile: 'junit.xml' }],
    ...(htmlReport ? [['html', { open: 'never', outputFolder: 'playwright-report' }] as const] : []),
  ],
  use: {
    baseURL,
    actionTimeout: 5_000,
    navigationTimeout: 10_000,
    trace: keepTraces ? { mode: 'on', screenshots: false, snapshots: true, sources: true } : 'retain-on-failure',
    video: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'anonymous', testMatch: /login\.spec\.ts/ },
    {
      name: 'chromium',
      testIgnore: /login\.spec\.ts/,
      dependencies: ['setup'],
      use: { storageState: storageStatePath },
    },
  ],
  // Builds, seeds and starts PraxiShop unless something already answers on the health URL
  // (samples/scenarios/run.sh starts the app itself, with its breakage switch, before running the suite).
  // PRAXISHOP_EXTERNAL_APP=1 (samples/scenarios/env.sh): the app is managed outside, never started here, so an app
  // that is down stays down and the tests see it.
  webServer: process.env.PRAXISHOP_EXTERNAL_APP === '1' ? undefined : {
    command: `dotnet run -c Release --project ../PraxiShop -- seed && dotnet run -c Release --no-build --project ../PraxiShop -- --urls ${baseURL}`,
    url: `${baseURL}/api/health/`,
    reuseExistingServer: true,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
