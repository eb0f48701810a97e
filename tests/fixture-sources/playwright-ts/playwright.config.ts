import { defineConfig } from '@playwright/test';

// Real failures for Praxi.FixEngine's parser fixtures. Never downloads a browser: Debian's Chromium is used.
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  retries: 1,
  workers: 1,
  timeout: 10_000,
  use: {
    baseURL: 'http://127.0.0.1:8123',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'python3 -m http.server 8123 --bind 127.0.0.1 --directory site',
    url: 'http://127.0.0.1:8123/index.html',
    reuseExistingServer: false,
  },
});
