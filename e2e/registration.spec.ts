import type { Page } from '@playwright/test';
import { formatInTimeZone } from 'date-fns-tz';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { hasCalendarPart, icalUtc, inviteIn } from './fixtures/invite';
import { anchorsIn, mailCursor, waitForMessage, type TReceivedMail } from './fixtures/mail';
import { expect, futureHour, publishedSession, registerByApi, test } from './fixtures/trainer';

const tag = () => Math.random().toString(36).slice(2, 8);

/** The link a person follows from their email to see, cancel or move their place. */
function manageLinkIn({ mail }: TReceivedMail): string {
  const link = anchorsIn(mail).find((a) => a.href.includes('/registrations/manage?token='));
  expect(link, `a manage link in "${mail.subject}"`).toBeDefined();
  return link!.href;
}

async function registerOnPage(page: Page, sessionId: string, person: { name: string; email: string }) {
  await page.goto(`/sessions/${sessionId}`);
  const form = page.getByRole('region', { name: 'Register' });
  await form.getByLabel('Full name').fill(person.name);
  await form.getByLabel('Email', { exact: true }).fill(person.email);
  await form.getByLabel('Agency', { exact: true }).fill('Riverside Police Department');
  await form.getByLabel('Badge or staff number (optional)').fill('4471');
  await form.getByLabel('Role or rank (optional)').fill('Detective Sergeant');
  await form.getByLabel('Access needs (optional)').fill('Step-free access, please.');
  await form.getByRole('button', { name: 'Register' }).click();
  return form.getByRole('status');
}

async function cancelOnManagePage(page: Page, manageLink: string) {
  await page.goto(manageLink);
  await page.getByRole('button', { name: 'Cancel my place' }).click();
  await page.getByRole('button', { name: 'Yes, cancel my place' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your place is cancelled.' })).toBeVisible();
}

test('an officer registers on the session page and the confirmation carries a calendar invite for them alone', async ({ page, trainer }) => {
  const startsAt = futureHour(60, 15);
  const session = await publishedSession(trainer.api, { title: `Interviewing children, part 1 ${tag()}`, capacity: 5, startsAt });
  const officer = { name: `Jordan Reyes ${tag()}`, email: uniqueEmail('officer') };

  const since = await mailCursor();
  const panel = await registerOnPage(page, session.id, officer);
  await expect(panel).toContainText(`You're booked. We've emailed ${officer.email} a confirmation with a calendar invite.`);
  await expect(panel).toBeFocused();

  const booked = await waitForMessage(officer.email, /^You're booked: /, since);
  expect(booked.mail.subject).toContain(session.title);
  expect(booked.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST\s*$/im);
  expect(hasCalendarPart(booked)).toBe(true);
  const invite = inviteIn(booked);
  expect(invite.method).toBe('REQUEST');
  expect(invite.mimeMethod).toBe('REQUEST');
  expect(invite.attendees).toEqual([`mailto:${officer.email}`]);
  expect(invite.organizer).toMatch(/^mailto:.+@.+/);
  expect(invite.sequence).toBe(0);
  expect(invite.dtstart).toBe(icalUtc(startsAt));
  expect(invite.start.getTime()).toBe(startsAt.getTime());
  expect(invite.end.getTime()).toBe(session.endsAt.getTime());
  const attachment = booked.mail.attachments.find((a) => a.filename === 'invite.ics');
  expect(attachment?.contentType).toBe('application/ics');
  expect(attachment?.content.toString('utf8')).toContain(`UID:${invite.uid}`);

  const links = anchorsIn(booked.mail);
  const google = links.find((a) => /Google Calendar/.test(a.text));
  expect(google?.href).toMatch(/^https:\/\/calendar\.google\.com\//);
  expect(google?.href).toContain(icalUtc(startsAt));
  expect(links.find((a) => /Outlook/.test(a.text))?.href).toMatch(/^https:\/\/outlook\.(office|live)\.com\//);
  await page.goto(manageLinkIn(booked));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Your place: ${session.title}`);
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
});

test('a session that confirms by email holds the place until the emailed button is pressed, then books it', async ({ page, trainer }) => {
  const session = await publishedSession(trainer.api, {
    title: `Interviewing children, held ${tag()}`,
    capacity: 5,
    startsAt: futureHour(62, 15),
    session: { requireEmailConfirmation: true },
  });
  const officer = { name: `Casey Moreno ${tag()}`, email: uniqueEmail('officer') };
  const since = await mailCursor();
  const panel = await registerOnPage(page, session.id, officer);
  await expect(panel).toContainText('Check your email to confirm your place.');
  await waitForMessage(officer.email, /^Confirm your place: /, since);
  // The same answer for the same address again: nothing on the page tells whether it had a place.
  // Its owner gets a fresh link, and the first one stops working.
  const beforeAgain = await mailCursor();
  const again = await registerOnPage(page, session.id, officer);
  await expect(again).toContainText('Check your email to confirm your place.');

  const held = await waitForMessage(officer.email, /^Confirm your place: /, beforeAgain);
  expect(held.mail.text).toMatch(/until \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} \w+/);
  expect(hasCalendarPart(held)).toBe(false);
  const confirmLink = anchorsIn(held.mail).find((a) => a.href.includes('/registrations/confirm?token='))!.href;
  // Opening the link (as a mail scanner would) books nothing; pressing the button does.
  await page.goto(confirmLink);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your place');
  await page.getByRole('button', { name: 'Confirm my place' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your place is confirmed.' })).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  const booked = await waitForMessage(officer.email, /^You're booked: /, since);
  expect(inviteIn(booked).method).toBe('REQUEST');

  // The link works once.
  await page.goto(confirmLink);
  await page.getByRole('button', { name: 'Confirm my place' }).click();
  await expect(page.getByText('This link has been used or is not valid.')).toBeVisible();
});

test('a trainer moves the session on its edit page and the officer’s invite updates in place', async ({ browser, trainer }) => {
  const session = await publishedSession(trainer.api, { title: `Interviewing children, part 2 ${tag()}`, capacity: 5, startsAt: futureHour(61, 15) });
  const officer = { name: `Sam Okoye ${tag()}`, email: uniqueEmail('officer') };
  const since = await mailCursor();
  await registerByApi(trainer.api, session.id, officer);
  const booked = inviteIn(await waitForMessage(officer.email, /^You're booked: /, since));

  const newStart = futureHour(63, 17);
  const newEnd = new Date(newStart.getTime() + 2 * 3_600_000);
  const wall = (date: Date) => formatInTimeZone(date, session.timeZone, "yyyy-MM-dd'T'HH:mm");
  const context = await browser.newContext({ storageState: trainer.storageState });
  const page = await context.newPage();
  const beforeChange = await mailCursor();
  await page.goto(`/trainer/sessions/${session.id}/edit`);
  await expect(page.getByRole('note')).toContainText('(1 confirmed, 0 on the waitlist)');
  await page.getByLabel('Starts').fill(wall(newStart));
  await page.getByLabel('Ends').fill(wall(newEnd));
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(new RegExp(`/trainer/workshops/${session.workshopId}`));
  await context.close();

  const changed = await waitForMessage(officer.email, /^Changed: /, beforeChange);
  expect(changed.mail.subject).toContain(session.title);
  const invite = inviteIn(changed);
  expect(invite.method).toBe('REQUEST');
  expect(invite.mimeMethod).toBe('REQUEST');
  expect(invite.uid).toBe(booked.uid);
  expect(invite.sequence).toBeGreaterThan(booked.sequence);
  expect(invite.dtstart).toBe(icalUtc(newStart));
  expect(invite.end.getTime()).toBe(newEnd.getTime());
  expect(invite.attendees).toEqual([`mailto:${officer.email}`]);
});

test('an officer cancels through the manage link and the invite is withdrawn', async ({ page, trainer }) => {
  const session = await publishedSession(trainer.api, { title: `Interviewing children, part 3 ${tag()}`, capacity: 5, startsAt: futureHour(62, 15) });
  const officer = { name: `Alex Moreau ${tag()}`, email: uniqueEmail('officer') };
  const since = await mailCursor();
  await registerByApi(trainer.api, session.id, officer);
  const bookedMail = await waitForMessage(officer.email, /^You're booked: /, since);
  const booked = inviteIn(bookedMail);

  const beforeCancel = await mailCursor();
  await cancelOnManagePage(page, manageLinkIn(bookedMail));
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel my place' })).toHaveCount(0);

  const cancelled = await waitForMessage(officer.email, /^Cancelled: your place in /, beforeCancel);
  expect(cancelled.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=CANCEL\s*$/im);
  const invite = inviteIn(cancelled);
  expect(invite.method).toBe('CANCEL');
  expect(invite.mimeMethod).toBe('CANCEL');
  expect(invite.status).toBe('CANCELLED');
  expect(invite.uid).toBe(booked.uid);
  expect(invite.sequence).toBeGreaterThan(booked.sequence);
  expect(invite.attendees).toEqual([`mailto:${officer.email}`]);
  expect(cancelled.mail.attachments.find((a) => a.filename === 'cancel.ics')?.contentType).toBe('application/ics');
});

test('a full session waitlists the next person, and a cancellation gives them the place with an invite', async ({ page, browser, trainer }) => {
  const session = await publishedSession(trainer.api, { title: `Interviewing children, part 4 ${tag()}`, capacity: 1, startsAt: futureHour(64, 15) });
  const first = { name: `Robin Achebe ${tag()}`, email: uniqueEmail('officer') };
  const second = { name: `Casey Lindqvist ${tag()}`, email: uniqueEmail('officer') };
  const since = await mailCursor();
  await registerByApi(trainer.api, session.id, first);
  const firstBooked = await waitForMessage(first.email, /^You're booked: /, since);

  const panel = await registerOnPage(page, session.id, second);
  await expect(panel).toContainText('The session is full. You are number 1 on the waitlist');
  const waitlisted = await waitForMessage(second.email, /^You're on the waitlist \(number 1\): /, since);
  expect(waitlisted.mail.subject).toContain(session.title);
  expect(hasCalendarPart(waitlisted), 'a waitlist email has no calendar invite').toBe(false);
  expect(manageLinkIn(waitlisted)).toContain('/registrations/manage?token=');

  const firstPage = await browser.newPage();
  const beforeCancel = await mailCursor();
  await cancelOnManagePage(firstPage, manageLinkIn(firstBooked));
  await firstPage.close();

  const promoted = await waitForMessage(second.email, /^A place opened up: you're booked for /, beforeCancel);
  expect(promoted.mail.subject).toContain(session.title);
  const invite = inviteIn(promoted);
  expect(invite.method).toBe('REQUEST');
  expect(invite.mimeMethod).toBe('REQUEST');
  expect(invite.attendees).toEqual([`mailto:${second.email}`]);
  expect(invite.uid).not.toBe(inviteIn(firstBooked).uid);
  expect(invite.dtstart).toBe(icalUtc(session.startsAt));
  // The waitlisted person's own page now says they have the seat.
  await page.goto(manageLinkIn(promoted));
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
});

test('the roster shows who is confirmed and waiting, takes a walk-in, and is closed to officers', async ({ browser, trainer }) => {
  const session = await publishedSession(trainer.api, { title: `Interviewing children, part 5 ${tag()}`, capacity: 1, startsAt: futureHour(65, 15) });
  const confirmed = { name: `Morgan Haddad ${tag()}`, email: uniqueEmail('officer') };
  const waiting = { name: `Taylor Nakamura ${tag()}`, email: uniqueEmail('officer') };
  const walkIn = { name: `Jamie Osei ${tag()}`, email: uniqueEmail('walk-in') };
  expect((await registerByApi(trainer.api, session.id, confirmed)).status).toBe('confirmed');
  expect(await registerByApi(trainer.api, session.id, waiting)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

  const context = await browser.newContext({ storageState: trainer.storageState });
  const page = await context.newPage();
  await page.goto(`/trainer/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(session.title);
  const confirmedList = page.getByRole('region', { name: /^Confirmed/ });
  const waitlist = page.getByRole('region', { name: /^Waitlist/ });
  await expect(confirmedList.getByRole('heading', { level: 2 })).toHaveText('Confirmed (1)');
  await expect(confirmedList.getByRole('listitem')).toHaveCount(1);
  await expect(confirmedList.getByRole('listitem')).toContainText(confirmed.name);
  await expect(confirmedList.getByRole('listitem')).toContainText(confirmed.email);
  await expect(waitlist.getByRole('heading', { level: 2 })).toHaveText('Waitlist (1)');
  const waitingPerson = waitlist.getByRole('listitem');
  await expect(waitingPerson).toContainText('#1');
  await expect(waitingPerson).toContainText(waiting.name);

  const since = await mailCursor();
  const add = page.getByRole('region', { name: 'Add a person' });
  await add.getByLabel('Full name').fill(walkIn.name);
  await add.getByLabel('Email', { exact: true }).fill(walkIn.email);
  await add.getByLabel('Confirm even if the session is full (over capacity)').check();
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(add.getByRole('status')).toHaveText(
    `${walkIn.name} is confirmed and has been sent the calendar invite. The session is now over capacity: 2 confirmed for 1 seat.`,
  );
  await expect(confirmedList.getByRole('heading', { level: 2 })).toHaveText('Confirmed (2)');
  await expect(confirmedList.getByRole('listitem').filter({ hasText: walkIn.name })).toHaveCount(1);
  await expect(waitlist.getByRole('listitem')).toContainText(waiting.name);
  const walkInMail = await waitForMessage(walkIn.email, /^You're booked: /, since);
  expect(inviteIn(walkInMail).attendees).toEqual([`mailto:${walkIn.email}`]);

  const csv = await page.request.get(`/trainer/sessions/${session.id}/roster.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const rows = await csv.text();
  for (const person of [confirmed, waiting, walkIn]) expect(rows).toContain(person.email);
  await context.close();

  const officer = await browser.newPage();
  await signInByEmail(officer, uniqueEmail('officer'));
  const roster = await officer.goto(`/trainer/sessions/${session.id}`);
  expect(roster?.status()).toBe(403);
  await expect(officer.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(officer.getByText(confirmed.email)).toHaveCount(0);
  const officerCsv = await officer.request.get(`/trainer/sessions/${session.id}/roster.csv`);
  expect(officerCsv.status()).toBe(403);
  expect(await officerCsv.text()).not.toContain(confirmed.email);
  await officer.close();
});
