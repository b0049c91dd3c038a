import { uniqueEmail } from './fixtures/auth';
import { linksIn, waitForMail } from './fixtures/mail';
import { expect, publishedSession, registerByApi, test } from './fixtures/trainer';

test('a check-in link from another site only shows the person; the trainer marks them with the button', async ({ browser, trainer }) => {
  const session = await publishedSession(trainer.api, {
    title: `Check-in link safety ${Math.random().toString(36).slice(2, 8)}`,
    capacity: 5,
    startsAt: new Date(Date.now() - 3_600_000),
  });
  const person = { name: 'Aroha Ngata', email: uniqueEmail('officer') };
  const place = await registerByApi(trainer.api, session.id, person);
  const checkInUrl = linksIn(await waitForMail(person.email, /^You're booked: /)).find((link) => link.includes('/check-in/'));
  expect(checkInUrl).toBeDefined();

  const context = await browser.newContext({ storageState: trainer.storageState });
  const page = await context.newPage();
  const attendanceOf = async () => {
    const response = await trainer.api.get(`/api/v1/sessions/${session.id}/registrations`);
    const rows = ((await response.json()) as { items: { id: string; attendance: { status: string } | null }[] }).items;
    return rows.find((row) => row.id === place.id)?.attendance?.status ?? null;
  };

  // A page elsewhere links to the code: the browser says cross-site, and nothing is recorded.
  await page.setContent(`<a href="${checkInUrl}">Open</a>`);
  await page.getByRole('link', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in: Aroha Ngata' })).toBeVisible();
  expect(await attendanceOf()).toBeNull();

  await page.getByRole('button', { name: 'Mark attended' }).click();
  await expect(page.getByRole('status')).toContainText(/Marked attended at .* (C[SD]T|UTC|[A-Z]{3,4})/);
  expect(await attendanceOf()).toBe('attended');
  await context.close();
});
