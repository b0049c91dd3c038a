import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { getAgencyRecords } from '@/lib/records/agency-records';
import { listRegistrationsForTrainer } from '@/lib/registrations/queries';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { createAgency, updateAgency } from './agencies';
import { confirmAgencyClaim, listAgencyClaims } from './membership';

describe.each(testDrivers)('agency membership on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let coordinator: TActor;
  let springfield: string;
  let workshopId: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'membership-trainer@example.org');
    springfield = (await createAgency(db, trainer, { name: 'Springfield PD', kind: 'police_department', emailDomains: ['@SpringfieldPD.gov'] })).id;
    const [row] = await db.insert(users).values({ email: 'coord@springfieldpd.gov', role: 'coordinator', coordinatorAgencyId: springfield }).returning({ id: users.id });
    coordinator = { id: row!.id, role: 'coordinator' };
    workshopId = await createPublishedWorkshop(db, 'membership-workshop');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('never shows the coordinator someone who typed the agency from another address, until confirmed', async () => {
    const joint = await createOpenSession(db, workshopId, { partnerAgencyId: springfield });
    const stranger = await registerForSession(db, null, joint, { name: 'Sam Stranger', email: 'sam.stranger@gmail.com', agency: 'Springfield PD', badgeNumber: 'X-1' });
    await registerForSession(db, null, joint, { name: 'Pat Officer', email: 'pat@springfieldpd.gov', agency: '' });

    const records = JSON.stringify(await getAgencyRecords(db, coordinator));
    expect(records).toContain('pat@springfieldpd.gov');
    expect(records).not.toContain('Sam Stranger');
    expect(records).not.toContain('X-1');
    expect((await listAgencyClaims(db, coordinator, springfield)).map((c) => c.email)).toEqual(['sam.stranger@gmail.com']);

    // The roster tells the trainer who is verified and who only claims.
    const roster = await listRegistrationsForTrainer(db, trainer, joint);
    expect(roster.find((r) => r.email === 'pat@springfieldpd.gov')).toMatchObject({ agencyId: springfield, claimedAgencyId: null });
    expect(roster.find((r) => r.email === 'sam.stranger@gmail.com')).toMatchObject({ agencyId: null, claimedAgencyId: springfield, agencyAsGiven: 'Springfield PD' });

    await confirmAgencyClaim(db, coordinator, stranger.id);
    expect(JSON.stringify(await getAgencyRecords(db, coordinator))).toContain('Sam Stranger');
    expect(await listAgencyClaims(db, coordinator, springfield)).toEqual([]);
  });

  it('shows an officer to the coordinator only in sessions run jointly with the agency', async () => {
    const open = await createOpenSession(db, workshopId);
    await registerForSession(db, null, open, { name: 'Quinn Elsewhere', email: 'quinn@springfieldpd.gov' });
    expect(JSON.stringify(await getAgencyRecords(db, coordinator))).not.toContain('Quinn Elsewhere');
    // Nor does typing the agency's name in such a session tell the agency anything, even as a claim.
    await registerForSession(db, null, open, { name: 'Rae Elsewhere', email: 'rae@gmail.com', agency: 'Springfield PD' });
    expect((await listAgencyClaims(db, coordinator, springfield)).map((c) => c.email)).not.toContain('rae@gmail.com');
  });

  it('keeps domains lower case, refuses open mail domains and shapes that are no domain, and gives a domain to one agency only', async () => {
    const mine = await createAgency(db, trainer, { name: 'Shelbyville SO', kind: 'sheriffs_office', emailDomains: ['shelbyville.gov', 'SHELBYVILLE.gov'] });
    expect(mine.emailDomains).toEqual(['shelbyville.gov']);
    const open = await refusal(updateAgency(db, trainer, mine.id, { emailDomains: ['gmail.com'] }));
    expect(open.fields).toEqual({ 'emailDomains.0': 'Anyone can have an address at gmail.com, so it cannot show who is from the agency.' });
    const shape = await refusal(updateAgency(db, trainer, mine.id, { emailDomains: ['shelbyville'] }));
    expect(shape.fields?.['emailDomains.0']).toMatch(/is not a domain/);
    const taken = await refusal(updateAgency(db, trainer, mine.id, { emailDomains: ['springfieldpd.gov'] }));
    expect(taken.fields).toEqual({ emailDomains: 'springfieldpd.gov is already a domain of Springfield PD.' });
  });
});
