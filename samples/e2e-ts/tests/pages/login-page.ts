import type { Page } from '@playwright/test';

export class LoginPage {
  constructor(
    readonly page: Page,
    readonly email = page.getByLabel('Email'),
    readonly password = page.getByLabel('Password'),
    readonly signIn = page.getByRole('button', { name: 'Sign in' }),
  ) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.signIn.click();
  }
}
