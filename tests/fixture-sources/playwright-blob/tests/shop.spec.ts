import { test } from '@playwright/test';

test.describe('cart', () => {
  test('adds an item', async ({ page }) => {
    await page.setContent('<button id="add-to-basket">Add to cart</button>');
    await page.locator('#add-to-cart').click({ timeout: 1000 });
  });
});
