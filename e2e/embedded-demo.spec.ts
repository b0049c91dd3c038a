import { expect, test } from '@playwright/test';
import { appUrl, demoUrl } from './ports';

test.use({ baseURL: demoUrl });

test('with no configuration the demo trainer signs in through the local mailbox', async ({ page }) => {
  const home = await page.goto('/');
  expect(home?.status()).toBe(200);

  await page.goto('/signin?callbackUrl=%2Ftrainer');
  await page.getByLabel('Email address').fill('trainer@example.org');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.getByRole('link', { name: 'local mailbox' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Local mailbox' })).toBeVisible();
  const newest = page.getByRole('row').filter({ hasText: 'trainer@example.org' }).first();
  await newest.getByRole('link', { name: /sign-in link/ }).click();
  await page.getByRole('link', { name: 'Sign in to Muster' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/trainer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Trainer dashboard' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Dr. Maya Okafor');
});

test('the server with SMTP configured has no local mailbox', async ({ request }) => {
  const response = await request.get(`${appUrl}/dev/mailbox`);
  expect(response.status()).toBe(404);
});
