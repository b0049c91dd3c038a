import { expect, test } from '@playwright/test';
import { signInByEmail } from './fixtures/auth';
import { e2eTrainerEmails } from './ports';

// Two listed trainers no other spec signs in as (6 and 7 are the setup fixture's, 8 the audit
// spec's): removing one must not disturb another test.
const remover = e2eTrainerEmails[9]!;
const removed = e2eTrainerEmails[10]!;

test('a removed trainer is signed out at once, and TRAINER_EMAILS does not make them a trainer again', async ({ browser }) => {
  const removerContext = await browser.newContext();
  const removedContext = await browser.newContext();
  try {
    const removerPage = await removerContext.newPage();
    const removedPage = await removedContext.newPage();
    await signInByEmail(removedPage, removed, '/trainer');
    await expect(removedPage.getByRole('heading', { level: 1, name: 'Trainer dashboard' })).toBeVisible();

    await signInByEmail(removerPage, remover, '/trainer/settings/people');
    await removerPage.goto('/trainer/settings/people');
    const row = removerPage.getByRole('listitem').filter({ hasText: removed });
    await row.getByRole('button', { name: `Remove trainer ${removed}` }).click();
    await expect(row.getByRole('group', { name: `Remove ${removed} as a trainer?` })).toBeFocused();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(removerPage.getByRole('status')).toHaveText(/Trainer removed: they have been signed out everywhere/);
    await expect(removerPage.getByRole('listitem').filter({ hasText: removed })).toHaveCount(0);

    // Their open page's next request finds no sign-in.
    await removedPage.goto('/trainer');
    await expect(removedPage).toHaveURL(/\/signin\?callbackUrl=%2Ftrainer/);
    // Signing in again with a listed address is not a first sign-in: they are an officer now.
    await signInByEmail(removedPage, removed, '/');
    const response = await removedPage.goto('/trainer');
    expect(response?.status()).toBe(403);
  } finally {
    await removerContext.close();
    await removedContext.close();
  }
});
