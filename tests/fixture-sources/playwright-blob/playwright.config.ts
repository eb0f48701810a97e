import { defineConfig } from '@playwright/test';

// Sharded into two blob reports (generate.sh); the system Chromium, never a downloaded one.
export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 1,
  reporter: [['blob']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] },
  },
});
