import { expect, test } from '@playwright/test';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { appPagePatterns } from './fixtures/crawl';

// Every trainer page the app has, read from app/trainer: a page added later is checked too.
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const trainerPaths = appPagePatterns()
  .map(({ route }) => route)
  .filter((route) => route === '/trainer' || route.startsWith('/trainer/'))
  .map((route) => route.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, SOME_ID));

test('there are trainer pages to check', () => {
  expect(trainerPaths).toContain('/trainer');
  expect(trainerPaths.length).toBeGreaterThan(1);
});

test('an officer is refused on every trainer page', async ({ page }) => {
  await signInByEmail(page, uniqueEmail('officer'));
  for (const path of trainerPaths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }), path).toBeVisible();
  }
});

test('a stranger is sent to sign in from every trainer page', async ({ page }) => {
  for (const path of trainerPaths) {
    await page.goto(path);
    await expect(page, path).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
});
