import { test, expect } from '@playwright/test';
import { dumpPageOnFailure } from './support/failure-dump';

test.afterEach(dumpPageOnFailure);

test('lists recent orders', async ({ page }) => {
  // The orders report must load within five seconds.
  await page.goto('/admin/orders', { timeout: 5_000 });
  await expect(page).toHaveURL(/\/admin\/orders$/);
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('row', { name: /ORD-1002/ })).toContainText('Shipped');
  await expect(orders.getByRole('cell', { name: 'ORD-1001', exact: true })).toBeVisible();
});

test('opens the dashboard', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expect(page.getByText('View all orders')).toBeVisible();
});
