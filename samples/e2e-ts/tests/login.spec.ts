import { test, expect } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { adminUser } from './support/env';
import { dumpPageOnFailure } from './support/failure-dump';

test.afterEach(dumpPageOnFailure);

test('signs in with valid credentials', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(adminUser.email, adminUser.password);
  await expect(page.getByTestId('user-menu')).toContainText('Signed in as admin@praxishop.test');
});

test('rejects a wrong password', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(adminUser.email, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Invalid email or password.');
});
