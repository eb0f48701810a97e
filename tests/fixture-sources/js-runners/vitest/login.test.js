// Imports a page object that is not there: the whole file fails before any test runs.
import { test } from 'vitest';
import { LoginPage } from './pages/login-page.js';

test('signs in', async () => {
  await new LoginPage().signIn();
});
