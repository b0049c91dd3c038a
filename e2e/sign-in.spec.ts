import { expect, test } from '@playwright/test';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { linksIn, mailCursor, waitForMail } from './fixtures/mail';
import { e2eTrainerEmails } from './ports';

test('a trainer signs in with the emailed link and reaches the dashboard', async ({ page }, testInfo) => {
  const email = e2eTrainerEmails[testInfo.workerIndex % 4]!;
  await signInByEmail(page, email, '/trainer');
  await expect(page).toHaveURL(/\/trainer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Trainer dashboard' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText(email);
  await expect(header).toContainText('Trainer');

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/trainer');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftrainer/);
});

test('an officer is refused on the trainer dashboard', async ({ page }) => {
  const email = uniqueEmail('officer');
  await signInByEmail(page, email);
  await expect(page.getByRole('banner')).toContainText('Officer');
  const response = await page.goto('/trainer');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Trainer dashboard' })).toHaveCount(0);
});

test('a stranger is sent to sign in and returned afterwards', async ({ page }) => {
  await page.goto('/trainer');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftrainer/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a sign-in link works once', async ({ page, browser }) => {
  const email = uniqueEmail('officer');
  const since = await mailCursor();
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const mail = await waitForMail(email, /sign-in link/i, since);
  expect(mail.text).toContain('/signin/confirm');
  const link = linksIn(mail).find((href) => href.includes('/signin/confirm'))!;

  await page.goto(link);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('banner')).toContainText(email);

  const other = await browser.newPage();
  await other.goto(link);
  await other.getByRole('button', { name: 'Continue' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'We could not sign you in' })).toBeVisible();
  await expect(other.getByText('already been used or has expired')).toBeVisible();
  await other.close();
});

test('a malformed address gets a message beside the field', async ({ page }) => {
  await page.goto('/signin');
  const field = page.getByLabel('Email address');
  await field.fill('officer@@example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('Enter a complete email address, like name@agency.gov.');
  await expect(field).toHaveValue('officer@@example');
});

test('sign-in emails to one address are limited', async ({ page }) => {
  const email = uniqueEmail('officer');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  }
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Too many sign-in links were sent to this address');
});

test('Auth.js cannot be asked for a sign-in email directly, past the limits', async ({ request }) => {
  const response = await request.post('/api/auth/signin/email', { form: { email: uniqueEmail('officer') } });
  expect(response.status()).toBe(404);
});
