import { defineConfig } from '@playwright/test';

// The list reporter beside the JSON reporter, as a CI log and its report artifact lie side by side (generate.sh);
// the system Chromium, never a downloaded one.
export default defineConfig({
  testDir: './tests',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: process.env.PRAXI_JSON_OUT ?? 'results.json' }]],
  use: {
    actionTimeout: 1_000,
    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] },
  },
  projects: [{ name: 'chromium' }],
});
