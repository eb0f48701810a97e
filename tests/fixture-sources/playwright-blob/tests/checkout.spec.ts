import { test } from '@playwright/test';

test('places an order', async ({ page }) => {
  await page.setContent(
    '<form><label for="email-address">Email</label><input id="email-address" name="email">' +
      '<button type="submit" data-testid="place-order">Place order</button></form>',
  );
  await page.locator('#email').fill('a@b.c', { timeout: 1000 });
});
