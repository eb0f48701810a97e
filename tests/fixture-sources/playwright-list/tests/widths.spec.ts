import { test, expect } from '@playwright/test';

// Titles of several lengths, so that at each terminal width some failure header ends in a long rule, a rule of one
// '─', a bare space, or runs past the width (Playwright's separator fills min(100, width) columns after the header).
test('short', async ({ page }) => {
  await page.setContent('<button id="buy">Buy</button>');
  await page.locator('#purchase').click();
});

test('adds the mug to the cart and shows the new total', async ({ page }) => {
  await page.setContent('<p id="total">€17.40</p>');
  await expect(page.locator('#total')).toHaveText('€18.40');
});

test('a header one column short: the rule is one dash long', async ({ page }) => {
  await page.setContent('<a href="/login">Sign in</a>');
  await page.getByRole('link', { name: 'Log in' }).click();
});

test('header fills the width, so no rule follows: one space', async ({ page }) => {
  await page.setContent('<input id="email">');
  await page.locator('#e-mail').fill('a@example.com');
});

test('a title so long that its header runs past every terminal width Playwright would fill with a rule of dashes', async ({ page }) => {
  await page.setContent('<h1>Welcome</h1>');
  await expect(page.getByRole('heading')).toHaveText('Welcome back');
});

test('passes', async ({ page }) => {
  await page.setContent('<h1>Hi</h1>');
  await expect(page.locator('h1')).toHaveText('Hi');
});
