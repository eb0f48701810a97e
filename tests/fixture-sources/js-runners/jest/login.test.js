// Imports a page object that is not there: the whole file fails before any test runs.
const { LoginPage } = require('./pages/login-page');

test('signs in', async () => {
  await new LoginPage().signIn();
});
