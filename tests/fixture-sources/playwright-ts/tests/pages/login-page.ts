import type { Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/index.html');
  }

  async remember() {
    await this.page.locator('#remember-me').check({ timeout: 1500 });
  }
}
