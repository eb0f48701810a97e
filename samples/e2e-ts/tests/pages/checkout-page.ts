import type { Page } from '@playwright/test';

export interface ShippingAddress {
  fullName: string;
  email: string;
  street: string;
  city: string;
  postcode: string;
}

export class CheckoutPage {
  constructor(
    readonly page: Page,
    readonly fullName = page.getByLabel('Full name'),
    readonly email = page.getByLabel('Email'),
    readonly street = page.getByLabel('Street address'),
    readonly city = page.locator('#city'),
    readonly postcode = page.locator('input[name="postcode"]'),
    readonly placeOrder = page.getByRole('button', { name: 'Place order' }),
  ) {}

  async fill(address: ShippingAddress): Promise<void> {
    await this.fullName.fill(address.fullName);
    await this.email.fill(address.email);
    await this.street.fill(address.street);
    await this.city.fill(address.city);
    await this.postcode.fill(address.postcode);
  }
}
