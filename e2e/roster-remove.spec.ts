import { uniqueEmail } from './fixtures/auth';
import { inviteIn } from './fixtures/invite';
import { mailCursor, waitForMessage } from './fixtures/mail';
import { expect, futureHour, publishedSession, registerByApi, test } from './fixtures/trainer';
import { appUrl } from './ports';

test('a trainer removes a confirmed person with a reason: they are told why, and the first on the waitlist gets the seat', async ({ browser, trainer }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const since = await mailCursor();
  const session = await publishedSession(trainer.api, { title: `De-escalation ${tag}`, capacity: 1, startsAt: futureHour(30, 15) });
  const ana = { name: `Ana Ruiz ${tag}`, email: uniqueEmail('ana') };
  const ben = { name: `Ben Cho ${tag}`, email: uniqueEmail('ben') };
  await registerByApi(trainer.api, session.id, ana);
  expect((await registerByApi(trainer.api, session.id, ben)).status).toBe('waitlisted');

  const context = await browser.newContext({ baseURL: appUrl, storageState: trainer.storageState });
  const page = await context.newPage();
  await page.goto(`/trainer/sessions/${session.id}`);
  const confirmed = page.getByRole('region', { name: /^Confirmed/ });
  await confirmed.getByRole('button', { name: `Remove… ${ana.name}` }).click();
  // The question takes focus, so a keyboard user is where the choice is.
  const question = page.getByRole('group', { name: `Remove ${ana.name} from this session?` });
  await expect(question).toBeFocused();
  await question.getByRole('button', { name: `No, keep ${ana.name}` }).click();
  await expect(confirmed.getByRole('button', { name: `Remove… ${ana.name}` })).toBeFocused();

  await confirmed.getByRole('button', { name: `Remove… ${ana.name}` }).click();
  await question.getByLabel('Reason (optional)').fill('The course is for detectives only.');
  await question.getByRole('button', { name: `Yes, remove ${ana.name}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${ana.name}’s place is cancelled, and they have been emailed. ${ben.name} moved up from the waitlist and has been sent the invite.`);
  await expect(confirmed).toContainText(ben.name);
  await expect(page.getByRole('region', { name: /^Cancelled/ })).toContainText(ana.name);

  const removal = await waitForMessage(ana.email, new RegExp(`^Cancelled: your place in De-escalation ${tag}, `), since);
  expect(removal.mail.text).toContain('The course is for detectives only.');
  expect(inviteIn(removal).method).toBe('CANCEL');
  const movedUp = await waitForMessage(ben.email, new RegExp(`^A place opened up: you're booked for De-escalation ${tag}, `), since);
  expect(inviteIn(movedUp).method).toBe('REQUEST');
  await context.close();
});
