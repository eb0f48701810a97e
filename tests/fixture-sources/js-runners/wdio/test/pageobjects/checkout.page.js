// A WebdriverIO-style page object: waitForDisplayed gives up the way wdio words it (no browser is started here).
export class CheckoutPage {
  async payNow() {
    throw new Error('element ("#pay-now") still not displayed after 5000ms');
  }

  async title() {
    return 'Acme checkout';
  }
}
