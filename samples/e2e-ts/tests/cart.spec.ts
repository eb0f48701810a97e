import { test, expect } from '@playwright/test';
import { ProductPage } from './pages/product-page';
import { dumpPageOnFailure } from './support/failure-dump';

test.afterEach(dumpPageOnFailure);

test('removes an item after confirming', async ({ page }) => {
  const product = new ProductPage(page);
  await product.open('trail-mug');
  await product.add();
  await expect(page.getByTestId('cart-total')).toHaveText('€17.40');

  const row = page.locator('tr.cart-row', { hasText: 'Trail Mug' });
  await row.getByRole('button', { name: 'Remove Trail Mug' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove item?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove item' }).click();

  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});
