import { test } from '@playwright/test';

test('adds a product to the cart', async ({ page }) => {
  await page.goto('/products/canvas-tote');
  await page.locator('#quantity').fill('2');
  await page.locator('#add-to-cart').click({ timeout: 3000 });
});
