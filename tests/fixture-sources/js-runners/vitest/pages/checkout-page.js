// A page object whose click times out the way Playwright reports it (no browser needed).
class TimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TimeoutError';
  }
}

class CheckoutPage {
  async clickCheckout() {
    throw new TimeoutError("locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#checkout')");
  }

  async total() {
    return '$40.00';
  }
}

export { CheckoutPage };
