import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { inviteIn } from './fixtures/invite';
import { linksIn, mailCursor, waitForMessage } from './fixtures/mail';
import { expect, publishedSession, registerByApi, test } from './fixtures/trainer';
import { trainerPaths, trainerRouteHandlers } from './fixtures/trainer-routes';
import { appUrl } from './ports';

test('a co-facilitator gets their own invite, signs in, checks people in, and is refused everything else', async ({ browser, trainer }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const coFacilitatorEmail = uniqueEmail('co-facilitator');
  const since = await mailCursor();
  // Started an hour ago (on the minute, as calendars keep it), so attendance can be taken now.
  const startsAt = new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000);
  const session = await publishedSession(trainer.api, {
    title: `Joint interviewing ${tag}`,
    capacity: 10,
    startsAt,
    session: { facilitators: [{ name: 'Sgt. Dana Whitfield', email: coFacilitatorEmail }] },
  });
  const other = await publishedSession(trainer.api, { title: `Another course ${tag}`, capacity: 10, startsAt });
  await registerByApi(trainer.api, session.id, { name: `Ana Ruiz ${tag}`, email: uniqueEmail('ana') });
  await registerByApi(trainer.api, session.id, { name: `Ben Cho ${tag}`, email: uniqueEmail('ben') });

  // Their own calendar event, read as a calendar program reads it.
  const received = await waitForMessage(coFacilitatorEmail, new RegExp(`^You co-facilitate: Joint interviewing ${tag}, `), since);
  const invite = inviteIn(received);
  expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0 });
  expect(invite.uid).toMatch(/^co-facilitator-/);
  expect(invite.attendees.join(' ')).toContain(coFacilitatorEmail);
  expect(invite.start.getTime()).toBe(session.startsAt.getTime());
  const rosterLink = linksIn(received.mail).find((href) => href.endsWith(`/trainer/sessions/${session.id}`));
  expect(rosterLink, 'the roster link in the email').toBeTruthy();

  const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await signInByEmail(page, coFacilitatorEmail, '/me');
  await page.goto('/me');
  const mine = page.getByRole('region', { name: 'Sessions you co-facilitate' });
  await expect(mine).toContainText(session.title);
  await mine.getByRole('link', { name: new RegExp(`^Roster\\b.*${session.title}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(session.title);
  await expect(page.getByText('You co-facilitate this session.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Confirmed/ })).toContainText(`Ana Ruiz ${tag}`);
  // The trainer's tools are not there.
  await expect(page.getByRole('link', { name: 'Edit session' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Cancel the session|Add a person|Message everyone|Certificates/ })).toHaveCount(0);

  await page.getByRole('link', { name: 'Check-in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Check-in: ${session.title}`);
  const ana = page.getByRole('group', { name: `Ana Ruiz ${tag}` });
  await ana.getByRole('button', { name: 'Attended' }).click();
  await expect(ana.getByRole('button', { name: 'Attended' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Add a walk-in' })).toHaveCount(0);

  // The trainer sees what the co-facilitator recorded.
  const roster = await trainer.api.get(`/api/v1/sessions/${session.id}/registrations`);
  const items = ((await roster.json()) as { items: { name: string; attendance: { status: string } | null }[] }).items;
  expect(items.find((item) => item.name === `Ana Ruiz ${tag}`)?.attendance?.status).toBe('attended');

  // Everything else a trainer has: another session's roster and check-in, this session's edit
  // page, every other trainer page, the CSV and certificate issuing.
  const allowed = new Set([`/trainer/sessions/${session.id}`, `/trainer/sessions/${session.id}/check-in`]);
  const refused = [...new Set([...trainerPaths(session.id), ...trainerPaths(other.id)])].filter((path) => !allowed.has(path));
  expect(refused).toContain(`/trainer/sessions/${other.id}/check-in`);
  expect(refused).toContain(`/trainer/sessions/${session.id}/edit`);
  for (const path of refused) expect((await page.goto(path))?.status(), path).toBe(403);
  const headers = { origin: new URL(appUrl).origin };
  for (const route of trainerRouteHandlers(session.id)) {
    const response = await page.request.fetch(route.path, { method: route.method, headers });
    expect(response.status(), `${route.method} ${route.path}`).toBe(403);
  }
  await page.context().close();
});
