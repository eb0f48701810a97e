import { test, expect } from '@playwright/test';
import { LoginPage } from './pages/login-page';

test.beforeEach(async ({ page }) => {
  await page.goto('/index.html');
});

test('locator matches nothing', async ({ page }) => {
  await page.locator('#gone').click({ timeout: 1500 });
});

test('strict mode violation', async ({ page }) => {
  await page.locator('button.secondary').click();
});

test('role name mismatch', async ({ page }) => {
  await page.getByRole('button', { name: 'Sign in' }).click({ timeout: 1500 });
});

test('heading text mismatch', async ({ page }) => {
  await expect(page.locator('h1')).toHaveText('Welcome to Acme Corp', { timeout: 1500 });
});

test('shows error banner without failing', async ({ page }) => {
  await expect(page.locator('.error-banner')).toContainText('Error');
});

test('page object clicks a missing checkbox', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.remember();
});

test.describe('session', () => {
  test('test timeout while waiting', async ({ page }) => {
    test.setTimeout(3000);
    await page.locator('#never-there').click();
  });

  test('navigation to a closed port', async ({ page }) => {
    await page.goto('http://127.0.0.1:59999/');
  });

  test('passes on retry', async ({ page }, testInfo) => {
    await expect(page.getByText('Status: ready')).toBeVisible({ timeout: 1500 });
    expect(testInfo.retry, 'first attempt fails on purpose').toBeGreaterThan(0);
  });

  test('email field is visible', async ({ page }) => {
    await expect(page.getByPlaceholder('you@example.com')).toBeVisible();
  });
});
