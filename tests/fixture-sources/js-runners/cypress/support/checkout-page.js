// Stands in for Cypress's commands (Cypress itself cannot be installed here): throws what cy.get() says when it
// gives up, so the report holds a Cypress-shaped error with a real stack through the spec file.
class CheckoutPage {
  clickCheckout() {
    const error = new Error('Timed out retrying after 4000ms: Expected to find element: `#checkout`, but never found it.');
    error.name = 'AssertionError';
    throw error;
  }

  total() {
    return '$40.00';
  }
}

module.exports = { CheckoutPage };
