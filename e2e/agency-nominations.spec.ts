import type { Browser } from '@playwright/test';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { inviteIn } from './fixtures/invite';
import { linksIn, mailCursor, waitForMail, waitForMessage } from './fixtures/mail';
import { expect, futureHour, publishedSession, test, type TTrainer } from './fixtures/trainer';
import { appUrl } from './ports';

/** A partner agency with its own email domain, a joint session with it, and a coordinator the trainer added. */
async function jointSessionWithCoordinator(browser: Browser, trainer: TTrainer, session: Record<string, unknown>) {
  const tag = Math.random().toString(36).slice(2, 8);
  const domain = `pd-${tag}.example`;
  const agencyName = `Springfield PD ${tag}`;
  const agency = await trainer.api.post('/api/v1/agencies', { data: { name: agencyName, kind: 'police_department', emailDomains: [domain] } });
  expect(agency.status(), await agency.text()).toBe(201);
  const agencyId = ((await agency.json()) as { id: string }).id;
  const title = `Joint interviewing ${tag}`;
  const { id } = await publishedSession(trainer.api, {
    title,
    capacity: 10,
    startsAt: futureHour(40, 15),
    session: { partnerAgencyId: agencyId, maxRegistrationsPerAddress: null, ...session, ...('allotments' in session && { allotments: [{ agencyId, seats: 4 }] }) },
  });
  const trainerPage = await (await browser.newContext({ baseURL: appUrl, storageState: trainer.storageState })).newPage();
  await trainerPage.goto(`/trainer/agencies/${agencyId}`);
  const coordinatorEmail = uniqueEmail('coordinator');
  const grant = trainerPage.getByRole('form', { name: 'Add coordinator' });
  await grant.getByLabel('Email').fill(coordinatorEmail);
  await grant.getByRole('button', { name: 'Add coordinator' }).click();
  await expect(trainerPage.getByRole('status').filter({ hasText: `${coordinatorEmail} is now a coordinator` })).toBeVisible();
  await trainerPage.context().close();
  return { tag, domain, agencyName, sessionId: id, title, coordinatorEmail };
}

test('a coordinator pastes three officers, checks the list, registers them, and each gets an invite', async ({ browser, trainer }) => {
  const { tag, domain, agencyName, title, coordinatorEmail } = await jointSessionWithCoordinator(browser, trainer, { allotments: true });
  const coordinator = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await signInByEmail(coordinator, coordinatorEmail, '/agency');
  await coordinator.goto('/agency');
  await coordinator.getByRole('link', { name: new RegExp(`Register officers for ${title}`) }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Register officers: ${title}`);
  await expect(coordinator.getByText('4 reserved: 0 taken, 4 free until')).toBeVisible();

  const officers = [`ana.ruiz@${domain}`, `ben.cho.${tag}@gmail.example`, `cara.diaz@${domain}`];
  await coordinator.getByLabel('Officers, one a line').fill(`Ana Ruiz, ${officers[0]}, 4471\nBen Cho, ${officers[1]}\nCara Diaz; not-an-email`);
  await coordinator.getByRole('button', { name: 'Check the list' }).click();
  const readBack = coordinator.getByRole('region', { name: 'The list as read' });
  await expect(readBack.getByRole('row').nth(3)).toContainText('No email address on this line.');
  await expect(coordinator.getByRole('button', { name: /^Register \d+ officers?$/ })).toHaveCount(0);

  await coordinator.getByLabel('Officers, one a line').fill(`Ana Ruiz, ${officers[0]}, 4471\nBen Cho, ${officers[1]}\nCara Diaz; ${officers[2]}; 12`);
  await coordinator.getByRole('button', { name: 'Check the list' }).click();
  await expect(readBack.getByRole('cell', { name: 'Ready' })).toHaveCount(3);
  const since = await mailCursor();
  await coordinator.getByRole('button', { name: 'Register 3 officers' }).click();
  await expect(coordinator.getByRole('status').filter({ hasText: 'Registered 3 officers (each has a place)' })).toBeVisible();
  const booked = coordinator.getByRole('region', { name: 'Your officers in this session' });
  for (const name of ['Ana Ruiz', 'Ben Cho', 'Cara Diaz']) await expect(booked).toContainText(name);
  await expect(coordinator.getByText('4 reserved: 3 taken, 1 free until')).toBeVisible();

  for (const email of officers) {
    const received = await waitForMessage(email, new RegExp(`^${agencyName} registered you: ${title}`), since);
    expect(received.mail.text).toContain(`${agencyName} registered you for ${title}: you have a place.`);
    const invite = inviteIn(received);
    expect(invite.method).toBe('REQUEST');
    expect(invite.attendees).toEqual([`mailto:${email}`]);
  }
  await coordinator.context().close();
});

test('an officer asks for a place in a session needing approval; the coordinator approves from the email, and the invite follows', async ({ browser, page, trainer }) => {
  const { domain, agencyName, sessionId, title, coordinatorEmail } = await jointSessionWithCoordinator(browser, trainer, {
    approval: 'coordinator',
    requireEmailConfirmation: false,
  });
  const officer = { name: 'Dana Ek', email: `dana.ek@${domain}` };
  const since = await mailCursor();
  await page.goto(`/sessions/${sessionId}`);
  const form = page.getByRole('region', { name: 'Register' });
  await form.getByLabel('Full name').fill(officer.name);
  await form.getByLabel('Email', { exact: true }).fill(officer.email);
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByRole('status')).toContainText('Your request is sent for approval.');

  const pending = await waitForMail(officer.email, new RegExp(`^Waiting for approval: ${title}`), since);
  expect(pending.text).toContain(`while your coordinator at ${agencyName} decides`);
  const request = await waitForMail(coordinatorEmail, new RegExp(`^Approve a place: ${officer.name}, ${title}`), since);
  const link = linksIn(request).find((href) => href.includes('/approvals/'));
  expect(link, 'the request links to the decision page').toBeTruthy();

  // Opening the link decides nothing; the button does, without signing in.
  const approver = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await approver.goto(link!);
  await expect(approver.getByText(`${officer.name} (${officer.email}) asks for a place in ${title}`)).toBeVisible();
  await approver.getByRole('button', { name: 'Approve' }).click();
  await expect(approver.getByRole('status')).toContainText(`Approved. ${officer.name} is emailed the calendar invite`);
  await approver.goto(link!);
  await expect(approver.getByText('This link has been used already')).toBeVisible();
  await approver.context().close();

  const booked = await waitForMessage(officer.email, new RegExp(`^You're booked: ${title}`), since);
  const invite = inviteIn(booked);
  expect(invite.method).toBe('REQUEST');
  expect(invite.attendees).toEqual([`mailto:${officer.email}`]);
});
