import { promises as fs } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/**
 * afterEach hook: when a test failed, keep what the page looked like — its HTML (dom.html) and a
 * screenshot — in the test's output folder, next to Playwright's own error-context.md and trace.zip.
 */
export async function dumpPageOnFailure({ page }: { page: Page }, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) {
    return;
  }

  const domPath = testInfo.outputPath('dom.html');
  const screenshotPath = testInfo.outputPath('screenshot.png');
  try {
    await fs.writeFile(domPath, await page.content(), 'utf8');
    // push (not attach) so the reporters list the file where it is instead of copying it.
    testInfo.attachments.push({ name: 'dom', path: domPath, contentType: 'text/html' });
    await page.screenshot({ path: screenshotPath, fullPage: true, timeout: 5_000 });
    testInfo.attachments.push({ name: 'screenshot', path: screenshotPath, contentType: 'image/png' });
  } catch (error) {
    testInfo.annotations.push({ type: 'failure-dump', description: `could not dump the page: ${String(error)}` });
  }
}
