import { expect, test } from '@playwright/test';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { SOME_ID, trainerPaths as allTrainerPaths, trainerRouteHandlers } from './fixtures/trainer-routes';

const trainerPaths = allTrainerPaths();
const trainerRoutes = trainerRouteHandlers();

test('there are trainer pages to check', () => {
  expect(trainerPaths).toContain('/trainer');
  expect(trainerPaths).toContain(`/trainer/sessions/${SOME_ID}`);
  expect(trainerPaths.length).toBeGreaterThan(1);
  expect(trainerRoutes).toContainEqual({ path: `/trainer/sessions/${SOME_ID}/roster.csv`, method: 'GET' });
  expect(trainerRoutes).toContainEqual({ path: `/trainer/sessions/${SOME_ID}/certificates/issue`, method: 'POST' });
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

test('trainer route handlers refuse officers (403) and strangers (401)', async ({ page, request, baseURL }) => {
  // Same-origin, as the trainer's own page sends them, so the refusal is about who asks.
  const headers = { origin: new URL(baseURL!).origin };
  for (const route of trainerRoutes) {
    const response = await request.fetch(route.path, { method: route.method, headers });
    expect(response.status(), `${route.method} ${route.path}`).toBe(401);
  }
  await signInByEmail(page, uniqueEmail('officer'));
  for (const route of trainerRoutes) {
    const response = await page.request.fetch(route.path, { method: route.method, headers });
    expect(response.status(), `${route.method} ${route.path}`).toBe(403);
    expect(response.headers()['content-type'], route.path).not.toMatch(/text\/csv|ndjson/);
  }
});
