import type { Locator, Page } from '@playwright/test';

export class ProductPage {
  readonly title: Locator;
  readonly quantity: Locator;

  constructor(
    readonly page: Page,
    readonly addToCart = page.locator('#add-to-cart'),
  ) {
    this.title = page.locator('#product-title');
    this.quantity = page.getByLabel('Quantity');
  }

  async open(sku: string): Promise<void> {
    await this.page.goto(`/products/${sku}`);
  }

  /** Adds the open product and lands on the cart page. */
  async add(quantity = 1): Promise<void> {
    await this.quantity.fill(String(quantity));
    await this.addToCart.click();
    await this.page.waitForURL('**/cart');
  }
}
