import { test, expect } from '@playwright/test';

test('shows the greeting', async ({ page }) => {
  await page.setContent('<h1>Hi</h1>');
  await expect(page.locator('h1')).toHaveText('Hi');
});
