import assert from 'node:assert/strict';
import { CheckoutPage } from '../pageobjects/checkout.page.js';

// The spec's bodies, run by run-junit-reporter.mjs in place of wdio's mocha framework adapter.
export const tests = {
  'pays for the order': async () => {
    await new CheckoutPage().payNow();
  },
  'shows the checkout title': async () => {
    assert.equal(await new CheckoutPage().title(), 'Acme checkout');
  },
};
