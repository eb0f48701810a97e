import { test, expect } from '@playwright/test';
import { CheckoutPage } from './pages/checkout-page';
import { ProductPage } from './pages/product-page';
import { dumpPageOnFailure } from './support/failure-dump';

test.beforeEach(async ({ page }) => {
  const product = new ProductPage(page);
  await product.open('field-notebook');
  await product.add();
  await page.getByRole('link', { name: 'Proceed to checkout' }).click();
});

test.afterEach(dumpPageOnFailure);

test('places an order', async ({ page }) => {
  const checkout = new CheckoutPage(page);
  await checkout.fill({
    fullName: 'Margaret Hamilton',
    email: 'margaret@example.test',
    street: '1 Apollo Way',
    city: 'Boston',
    postcode: '02139',
  });
  await checkout.placeOrder.click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
  await expect(page.getByTestId('order-number')).toHaveText(/^ORD-\d+$/);
});

test('shows validation errors for empty fields', async ({ page }) => {
  const checkout = new CheckoutPage(page);
  await checkout.placeOrder.click();
  await expect(page.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(page.locator('.field-error')).toHaveCount(5);
  await expect(page.locator('#postcode-error')).toHaveText('Postcode is required.');
});
