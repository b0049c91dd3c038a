import type { Page } from '@playwright/test';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { mailCursor, messagesTo, waitForMessage, type TReceivedMail } from './fixtures/mail';
import { expect, publishedSession, registerByApi, test } from './fixtures/trainer';

const tag = () => Math.random().toString(36).slice(2, 8);

/** The one PDF attached to a certificate email, and the code printed in its name. */
function certificatePdfIn({ mail }: TReceivedMail): { code: string; bytes: Buffer } {
  const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf');
  expect(pdfs, `one PDF in "${mail.subject}"`).toHaveLength(1);
  const code = /^certificate-([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\.pdf$/.exec(pdfs[0]!.filename ?? '')?.[1];
  expect(code, `a certificate code in ${pdfs[0]!.filename}`).toBeDefined();
  expect(pdfs[0]!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { code: code!, bytes: pdfs[0]!.content };
}

async function mark(page: Page, name: string, choice: 'Attended' | 'Absent') {
  const person = page.getByRole('group', { name });
  await person.getByRole('button', { name: choice }).click();
  await expect(person.getByRole('button', { name: choice })).toHaveAttribute('aria-pressed', 'true');
}

async function uploadToVerify(page: Page, fileName: string, bytes: Buffer) {
  await page.goto('/verify');
  await page.getByLabel('Certificate PDF').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: bytes });
  await page.getByRole('button', { name: 'Check file' }).click();
}

test('a trainer takes attendance, closes the roster, and each attendee gets one certificate that verifies', async ({ browser, page, trainer }) => {
  test.slow();
  const startsAt = new Date(Date.now() - 3 * 86_400_000);
  const session = await publishedSession(trainer.api, {
    title: `Trauma-informed interviewing ${tag()}`,
    capacity: 10,
    startsAt,
    hours: 3,
    creditHours: 3,
    creditCategory: 'Trauma-informed practice',
  });
  const people = [
    { name: `Łukasz Żółć ${tag()}`, email: uniqueEmail('officer') },
    { name: `Nguyễn Thị Minh Khai ${tag()}`, email: uniqueEmail('officer') },
    { name: `Zoë O'Brien-Ånström ${tag()}`, email: uniqueEmail('officer') },
  ] as const;
  for (const person of people) await registerByApi(trainer.api, session.id, person);

  const trainerContext = await browser.newContext({ storageState: trainer.storageState });
  const door = await trainerContext.newPage();
  await door.goto(`/trainer/sessions/${session.id}/check-in`);
  await mark(door, people[0].name, 'Attended');
  await mark(door, people[1].name, 'Attended');
  await mark(door, people[2].name, 'Absent');
  await expect(door.getByText('2 attended of 3 confirmed')).toBeVisible();

  const since = await mailCursor();
  await door.goto(`/trainer/sessions/${session.id}`);
  await door.getByRole('button', { name: 'Close roster and issue certificates…' }).click();
  await door.getByRole('button', { name: 'Yes, close the roster and issue certificates' }).click();
  await expect(door.getByRole('status').filter({ hasText: 'Issued 2 certificates.' })).toBeVisible();
  // The page refreshes with the list; the outcome stays on screen.
  await expect(door.getByRole('heading', { name: 'Certificates (2 valid)' })).toBeVisible();
  await expect(door.getByRole('status').filter({ hasText: 'Issued 2 certificates.' })).toBeVisible();
  await trainerContext.close();

  const first = certificatePdfIn(await waitForMessage(people[0].email, /^Your certificate: /, since));
  const second = certificatePdfIn(await waitForMessage(people[1].email, /^Your certificate: /, since));
  expect(first.code).not.toBe(second.code);
  // Deliveries are done once both arrived; nothing more may follow, and the absent person gets none.
  await expect.poll(async () => (await messagesTo(people[0].email, /certificate/i, since)).length).toBe(1);
  expect(await messagesTo(people[1].email, /certificate/i, since)).toHaveLength(1);
  expect(await messagesTo(people[2].email, /certificate/i, since)).toHaveLength(0);

  await page.goto('/verify');
  await page.getByLabel('Certificate code').fill(first.code.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Check code' }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${first.code}$`));
  await expect(page.getByText('Valid', { exact: true })).toBeVisible();
  await expect(page.getByText(people[0].name)).toBeVisible();

  await uploadToVerify(page, 'certificate.pdf', first.bytes);
  await expect(page.getByText('This is exactly a certificate Muster issued.')).toBeVisible();
  const edited = Buffer.from(first.bytes);
  const at = edited.length >> 1;
  edited[at] = edited[at]! ^ 0x01;
  await uploadToVerify(page, 'certificate-edited.pdf', edited);
  await expect(page.getByText('This file is not a certificate issued by Muster, or it has been changed since it was issued.')).toBeVisible();

  const officer = await browser.newContext();
  const officerPage = await officer.newPage();
  await signInByEmail(officerPage, people[0].email, '/me');
  await officerPage.goto('/me');
  await expect(officerPage.getByText('3 hours of training in all.')).toBeVisible();
  await expect(officerPage.getByText(first.code)).toBeVisible();
  await officer.close();

  // The trainer revokes the second certificate with a reason; its page says so from then on.
  const revoking = await browser.newContext({ storageState: trainer.storageState });
  const roster = await revoking.newPage();
  await roster.goto(`/trainer/sessions/${session.id}`);
  await roster.getByRole('button', { name: `Revoke… certificate ${second.code} of ${people[1].name}` }).click();
  await roster.getByRole('textbox', { name: 'Reason' }).fill('Issued by mistake: left before the break.');
  await roster.getByRole('button', { name: 'Yes, revoke it' }).click();
  await expect(roster.getByRole('heading', { name: 'Certificates (1 valid)' })).toBeVisible();
  await revoking.close();
  await page.goto(`/verify/${second.code}`);
  await expect(page.getByText(/^Revoked on /)).toBeVisible();
  await expect(page.getByText('Issued by mistake: left before the break.')).toBeVisible();
});
