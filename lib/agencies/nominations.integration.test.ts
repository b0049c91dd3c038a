import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencyMembers, registrations, trainingSessions, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { registerForSession } from '@/lib/registrations/register';
import { createSession } from '@/lib/sessions/sessions';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createPublishedWorkshop, outboxFor } from '@/test/registration-fixtures';
import { createAgency } from './agencies';
import { getAgencySession } from './agency-sessions';
import { nominateOfficers, previewNominations } from './nominations';
import { cancelNominee, substituteNominee } from './nominee-changes';
import { parseNomineeList } from './nominee-list';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDrivers)('coordinators nominate their officers on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let coordinator: TActor;
  let springfield: string;
  let workshopId: string;
  let n = 0;
  const session = async (values: Record<string, unknown> = {}) =>
    (
      await createSession(db, trainer, workshopId, {
        startsAt: new Date(Date.now() + (30 + ++n) * DAY).toISOString(),
        endsAt: new Date(Date.now() + (30 + n) * DAY + 3 * 3600_000).toISOString(),
        timeZone: 'America/Chicago',
        capacity: 20,
        venue: { name: 'Training Room 2', address: '100 Main Street', directions: '', accessibility: '' },
        partnerAgencyId: springfield,
        maxRegistrationsPerAddress: null,
        ...values,
      })
    ).id;
  const officer = (email = `officer${++n}@springfieldpd.gov`) => ({ name: `Officer ${++n}`, email, badgeNumber: `B${n}` });
  const rowsOf = (sessionId: string) => db.select().from(registrations).where(eq(registrations.sessionId, sessionId));
  const countsOf = async (sessionId: string) => {
    const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    return [row!.confirmedCount, row!.waitlistCount];
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'nominations-trainer@example.org');
    springfield = (await createAgency(db, trainer, { name: 'Springfield PD', kind: 'police_department', emailDomains: ['springfieldpd.gov'] })).id;
    const [row] = await db.insert(users).values({ email: 'coordinator@springfieldpd.gov', role: 'coordinator', coordinatorAgencyId: springfield }).returning({ id: users.id });
    coordinator = { id: row!.id, role: 'coordinator' };
    workshopId = await createPublishedWorkshop(db, `nominations-${driver}`, 'Joint investigations');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('registers pasted officers with the normal confirmation and invite, saying the agency registered them', async () => {
    const id = await session();
    const lines = parseNomineeList('Ana Ruiz, ana.ruiz@springfieldpd.gov, 4471\nBen Cho, ben.cho.home@gmail.com\nCara Diaz, cara.diaz@springfieldpd.gov, 12');
    expect((await previewNominations(db, coordinator, id, lines)).every((line) => !line.problem)).toBe(true);
    const results = await nominateOfficers(db, coordinator, id, lines.map((l) => l.nominee!));
    expect(results.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);

    const mail = await outboxFor(db, id, ['registration-confirmed']);
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['ana.ruiz@springfieldpd.gov', 'ben.cho.home@gmail.com', 'cara.diaz@springfieldpd.gov']);
    expect(mail[0]!.subject).toMatch(/^Springfield PD registered you: Joint investigations, /);
    expect(mail[0]!.props).toMatchObject({ nominatedBy: 'Springfield PD', invite: { method: 'REQUEST' } });
    // Nominated, so a member by their address even at gmail.com; the badge number is kept.
    const [member] = await db.select().from(agencyMembers).where(and(eq(agencyMembers.agencyId, springfield), eq(agencyMembers.email, 'ben.cho.home@gmail.com')));
    expect(member?.source).toBe('nominated');
    expect((await rowsOf(id)).find((r) => r.email === 'ana.ruiz@springfieldpd.gov')).toMatchObject({ badgeNumber: '4471', agency: 'Springfield PD' });

    // The preview flags an officer with a place already, and registering the list again saves nothing.
    const again = await previewNominations(db, coordinator, id, parseNomineeList('Ana Ruiz, ana.ruiz@springfieldpd.gov\nDan Ek, dan.ek@springfieldpd.gov'));
    expect(again.map((line) => line.problem)).toEqual(['Already has a place in this session.', undefined]);
    const refused = await refusal(nominateOfficers(db, coordinator, id, [officer('dan.ek@springfieldpd.gov'), officer('ana.ruiz@springfieldpd.gov')]));
    expect(refused.fields?.officers).toContain('ana.ruiz@springfieldpd.gov already has a place');
    expect(await rowsOf(id)).toHaveLength(3);
  });

  it('registers 40 in one transaction, seats first and then the waitlist in the order listed', async () => {
    const id = await session({ capacity: 30 });
    const nominees = Array.from({ length: 40 }, () => officer());
    const results = await nominateOfficers(db, coordinator, id, nominees);
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(30);
    expect(results.slice(30).map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await countsOf(id)).toEqual([30, 10]);
  });

  it('hands a place to a substitute in place: the seat or the position in line is kept, and each officer gets the right invite', async () => {
    const id = await session({ capacity: 1 });
    const [seated, waiting] = await nominateOfficers(db, coordinator, id, [officer(), officer()]);
    const stranger = await registerForSession(db, null, id, { name: 'Walk Up', email: `walkup${++n}@example.org` });
    expect(stranger.status).toBe('waitlisted');

    const sub = await substituteNominee(db, coordinator, seated!.registrationId, { name: 'Erin Fox', email: 'erin.fox@springfieldpd.gov' });
    expect(sub.status).toBe('confirmed');
    expect(await countsOf(id)).toEqual([1, 2]);
    const cancelMail = (await outboxFor(db, id, ['registration-cancelled'])).find((m) => m.toAddress === seated!.email);
    expect(cancelMail?.props).toMatchObject({ by: 'agency', agencyName: 'Springfield PD', invite: { method: 'CANCEL', sequence: 1 } });
    const confirmMail = (await outboxFor(db, id, ['registration-confirmed'])).find((m) => m.toAddress === 'erin.fox@springfieldpd.gov');
    expect(confirmMail?.props).toMatchObject({ invite: { method: 'REQUEST', sequence: 0 } });
    expect((confirmMail?.props as { invite: { uid: string } }).invite.uid).not.toBe(
      ((await outboxFor(db, id, ['registration-confirmed'])).find((m) => m.toAddress === seated!.email)?.props as { invite: { uid: string } }).invite.uid,
    );

    // A waitlisted officer's substitute stands where they stood: still first in line.
    const subWaiting = await substituteNominee(db, coordinator, waiting!.registrationId, { name: 'Gil Hart', email: 'gil.hart@springfieldpd.gov' });
    expect(subWaiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await cancelNominee(db, coordinator, sub.id);
    const promoted = (await rowsOf(id)).find((r) => r.email === 'gil.hart@springfieldpd.gov');
    expect(promoted?.status).toBe('confirmed');
    const told = (await outboxFor(db, id, ['registration-cancelled'])).find((m) => m.toAddress === 'erin.fox@springfieldpd.gov');
    expect(told?.subject).toMatch(/^Cancelled: your place in Joint investigations/);
    expect(told?.props).toMatchObject({ by: 'agency', agencyName: 'Springfield PD' });
  });

  it('refuses anyone but the agency’s coordinator, sessions not open to the agency, and people not of theirs', async () => {
    const id = await session();
    expect((await refusal(nominateOfficers(db, { id: trainer!.id, role: 'trainer' }, id, [officer()]))).status).toBe(403);
    expect((await refusal(nominateOfficers(db, null, id, [officer()]))).status).toBe(401);
    const notTheirs = await session({ partnerAgencyId: null, visibility: 'unlisted' });
    expect((await refusal(nominateOfficers(db, coordinator, notTheirs, [officer()]))).status).toBe(404);
    // The agency has members by now (nominated above): none of them makes this address one.
    const other = await registerForSession(db, null, id, { name: 'Not Theirs', email: `someone${++n}@example.org`, agency: 'Springfield PD' });
    expect((await refusal(cancelNominee(db, coordinator, other.id))).status).toBe(404);
    expect((await refusal(substituteNominee(db, coordinator, other.id, officer()))).status).toBe(404);
    expect((await rowsOf(id)).find((r) => r.id === other.id)?.status).toBe('confirmed');

    // The coordinator's page of the session lists their officers only, and nobody else may open it.
    const [mine] = await nominateOfficers(db, coordinator, id, [officer()]);
    const page = await getAgencySession(db, coordinator, id);
    expect(page.officers.map((o) => o.registrationId)).toEqual([mine!.registrationId]);
    expect((await refusal(getAgencySession(db, { id: coordinator!.id, role: 'officer' }, id))).status).toBe(403);
    expect((await refusal(getAgencySession(db, null, id))).status).toBe(401);
    expect((await refusal(getAgencySession(db, coordinator, notTheirs))).status).toBe(404);
  });
});
