import { test, expect } from '@playwright/test';
import { ProductPage } from './pages/product-page';
import { dumpPageOnFailure } from './support/failure-dump';

test.afterEach(dumpPageOnFailure);

test('lists the catalogue', async ({ page }) => {
  await page.goto('/products');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Products');
  await expect(page.getByTestId('product-card')).toHaveCount(6);
  await expect(page.locator('.product-card').first()).toContainText('Trail Mug');
});

test('shows a product with its price', async ({ page }) => {
  await page.goto('/products');
  await page.getByRole('link', { name: 'Trail Mug' }).click();
  await expect(page.locator('#product-title')).toHaveText('Trail Mug');
  await expect(page.locator('main > section.product-detail > div.price-box > span.price')).toHaveText('€12.50');
});

test('adds a product to the cart', async ({ page }) => {
  const product = new ProductPage(page);
  await product.open('canvas-tote');
  await product.add(2);
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await expect(page.locator('#cart-table tbody tr')).toHaveCount(1);
});
