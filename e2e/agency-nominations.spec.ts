import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { inviteIn } from './fixtures/invite';
import { mailCursor, waitForMessage } from './fixtures/mail';
import { expect, futureHour, publishedSession, test } from './fixtures/trainer';
import { appUrl } from './ports';

test('a coordinator pastes three officers, checks the list, registers them, and each gets an invite', async ({ browser, trainer }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const domain = `pd-${tag}.example`;
  const agencyName = `Springfield PD ${tag}`;
  const agency = await trainer.api.post('/api/v1/agencies', { data: { name: agencyName, kind: 'police_department', emailDomains: [domain] } });
  expect(agency.status(), await agency.text()).toBe(201);
  const agencyId = ((await agency.json()) as { id: string }).id;
  const session = await publishedSession(trainer.api, {
    title: `Joint interviewing ${tag}`,
    capacity: 10,
    startsAt: futureHour(40, 15),
    session: { partnerAgencyId: agencyId, allotments: [{ agencyId, seats: 4 }], maxRegistrationsPerAddress: null },
  });

  const trainerPage = await (await browser.newContext({ baseURL: appUrl, storageState: trainer.storageState })).newPage();
  await trainerPage.goto(`/trainer/agencies/${agencyId}`);
  const coordinatorEmail = uniqueEmail('coordinator');
  const grant = trainerPage.getByRole('form', { name: 'Add coordinator' });
  await grant.getByLabel('Email').fill(coordinatorEmail);
  await grant.getByRole('button', { name: 'Add coordinator' }).click();
  await expect(trainerPage.getByRole('status').filter({ hasText: `${coordinatorEmail} is now a coordinator` })).toBeVisible();
  await trainerPage.context().close();

  const coordinator = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await signInByEmail(coordinator, coordinatorEmail, '/agency');
  await coordinator.goto('/agency');
  await coordinator.getByRole('link', { name: new RegExp(`Register officers for Joint interviewing ${tag}`) }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Register officers: Joint interviewing ${tag}`);
  await expect(coordinator.getByText('4 reserved: 0 taken, 4 free until')).toBeVisible();

  const officers = [`ana.ruiz@${domain}`, `ben.cho.${tag}@gmail.example`, `cara.diaz@${domain}`];
  const list = coordinator.getByLabel('Officers, one a line');
  await list.fill(`Ana Ruiz, ${officers[0]}, 4471\nBen Cho, ${officers[1]}\nCara Diaz; not-an-email`);
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
    const received = await waitForMessage(email, new RegExp(`^${agencyName} registered you: Joint interviewing ${tag}`), since);
    expect(received.mail.text).toContain(`${agencyName} registered you for Joint interviewing ${tag}: you have a place.`);
    const invite = inviteIn(received);
    expect(invite.method).toBe('REQUEST');
    expect(invite.attendees).toEqual([`mailto:${email}`]);
  }
  await coordinator.context().close();
});
