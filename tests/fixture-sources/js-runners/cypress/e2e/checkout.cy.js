const assert = require('node:assert/strict');
const addContext = require('mochawesome/addContext');
const { CheckoutPage } = require('../support/checkout-page');

describe('checkout', function () {
  afterEach(function () {
    // What the usual Cypress + mochawesome setup adds for a failed test: the path of its failure screenshot.
    if (this.currentTest.state === 'failed') {
      addContext(this, `screenshots/checkout.cy.js/checkout -- ${this.currentTest.title} (failed).png`);
    }
  });

  it('clicks the checkout button', function () {
    new CheckoutPage().clickCheckout();
  });

  it('shows the order total', function () {
    assert.equal(new CheckoutPage().total(), '$42.00');
  });

  it('lists the items', function () {
    assert.equal(['book', 'pen'].length, 2);
  });
});

describe('login', function () {
  before(function () {
    // What cy.visit() says when the app under test never came up.
    throw new Error('cy.visit() failed trying to load:\n\nhttp://localhost:3000/login\n\nWe attempted to make an http request to this URL but the request failed without a response.\n\nWe received this error at the network level:\n\n  > Error: connect ECONNREFUSED 127.0.0.1:3000');
  });

  it('signs in', function () {
    assert.ok(true);
  });
});
