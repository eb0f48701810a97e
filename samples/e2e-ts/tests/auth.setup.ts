import { test as setup, expect } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { adminUser, storageStatePath } from './support/env';
import { dumpPageOnFailure } from './support/failure-dump';

setup.afterEach(dumpPageOnFailure);

setup('authenticate as admin', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(adminUser.email, adminUser.password);
  await expect(page.getByTestId('user-menu')).toContainText(adminUser.email);
  await page.context().storageState({ path: storageStatePath });
});
