import { expect, test } from '@playwright/test';
import { signInByEmail } from './fixtures/auth';
import { e2eTrainerEmails } from './ports';

// A listed trainer of its own: two specs signing one address in at once could take each other's link.
const trainer = e2eTrainerEmails[8]!;

test('a trainer’s sign-in is in the audit log with the address it came from, and the filtered log downloads as CSV', async ({ page }) => {
  await signInByEmail(page, trainer, '/trainer');
  await page.goto('/trainer');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

  await page.getByLabel('Who (email)').fill(trainer);
  await page.getByLabel('Action').selectOption({ label: 'Signed in' });
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/action=signed_in/);
  const row = page.getByRole('row').filter({ hasText: trainer }).first();
  await expect(row).toContainText('Signed in');
  // The address is the client's, read once by the server for the whole request.
  await expect(row.getByRole('cell').last()).toHaveText(/^(127\.0\.0\.1|::1)$/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these entries as CSV' }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text).toContain('When (UTC),Who,Action');
  expect(text).toContain(`${trainer},Signed in`);
});

test('a filter that is not a date is named beside its field', async ({ page }) => {
  await signInByEmail(page, trainer, '/trainer/audit?from=2026-02-30');
  await page.goto('/trainer/audit?from=2026-02-30');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Some filters need attention');
  await expect(page.getByLabel('From (UTC day)')).toHaveAttribute('aria-invalid', 'true');
});
