const { CheckoutPage } = require('./pages/checkout-page');

describe('checkout', () => {
  test('clicks the checkout button', async () => {
    const page = new CheckoutPage();
    await page.clickCheckout();
  });

  test('shows the order total', async () => {
    const page = new CheckoutPage();
    expect(await page.total()).toBe('$42.00');
  });

  test('lists the items', () => {
    expect(['book', 'pen']).toHaveLength(2);
  });
});

test('loads the home page', () => {
  expect(1 + 1).toBe(2);
});
