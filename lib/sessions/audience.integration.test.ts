import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencyMembers, registrations } from '@/db/schema';
import { createAgency } from '@/lib/agencies/agencies';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { getCataloguePage, getPublicSession } from '@/lib/catalogue/catalogue';
import { moveRegistration } from '@/lib/registrations/move';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createPublishedWorkshop } from '@/test/registration-fixtures';
import { createSession, updateSession } from './sessions';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDrivers)('sessions for agencies on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let springfield: string;
  let shelbyville: string;
  let workshopId: string;
  let n = 0;
  const sessionValues = () => ({
    startsAt: new Date(Date.now() + (30 + ++n) * DAY).toISOString(),
    endsAt: new Date(Date.now() + (30 + n) * DAY + 3 * 3600_000).toISOString(),
    timeZone: 'America/Chicago',
    capacity: 20,
    venue: { name: 'Training Room 2', address: '100 Main Street', directions: '', accessibility: '' },
    requireEmailConfirmation: false,
    maxRegistrationsPerAddress: null,
  });
  const session = async (values: Record<string, unknown> = {}) => (await createSession(db, trainer, workshopId, { ...sessionValues(), ...values })).id;
  const forAgencies = () => session({ visibility: 'agencies', agencyIds: [springfield, shelbyville] });
  const officer = (email: string) => ({ name: `Officer ${++n}`, email });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'audience-trainer@example.org');
    springfield = (await createAgency(db, trainer, { name: 'Springfield PD', kind: 'police_department', emailDomains: ['springfieldpd.gov'] })).id;
    shelbyville = (await createAgency(db, trainer, { name: 'Shelbyville SO', kind: 'sheriffs_office', emailDomains: ['shelbyvilleso.gov'] })).id;
    workshopId = await createPublishedWorkshop(db, `audience-${driver}`, 'Joint investigations');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seats members by email domain and by confirmation, and tells anyone else who the session is for', async () => {
    const id = await forAgencies();
    expect((await registerForSession(db, null, id, officer(`a${n}@springfieldpd.gov`))).status).toBe('confirmed');
    expect((await registerForSession(db, null, id, officer(`b${n}@ShelbyvilleSO.gov`))).status).toBe('confirmed');

    const refused = await refusal(registerForSession(db, null, id, { ...officer('sam.stranger@gmail.com'), agency: 'Springfield PD' }));
    expect(refused.code).toBe('not_in_audience');
    expect(refused.status).toBe(403);
    expect(refused.fields?.email).toBe(
      'This session is for officers of Shelbyville SO and Springfield PD. Register with your work email address at one of them, or ask your training coordinator.',
    );
    expect(await db.select().from(registrations).where(eq(registrations.email, 'sam.stranger@gmail.com'))).toEqual([]);

    // A coordinator confirmed this address: it belongs, whatever its domain.
    await db.insert(agencyMembers).values({ agencyId: springfield, email: 'pat.personal@gmail.com', source: 'confirmed' });
    expect((await registerForSession(db, null, id, officer('pat.personal@gmail.com'))).status).toBe('confirmed');
  });

  it('keeps refusing strangers once the session is remembered, and when a public session becomes one for agencies', async () => {
    const id = await forAgencies();
    for (let i = 0; i < 3; i++) await registerForSession(db, null, id, officer(`m${n}@springfieldpd.gov`));
    expect((await refusal(registerForSession(db, null, id, officer(`x${n}@example.org`)))).code).toBe('not_in_audience');

    const changing = await session();
    expect((await registerForSession(db, null, changing, officer(`before${n}@example.org`))).status).toBe('confirmed');
    await updateSession(db, trainer, changing, { visibility: 'agencies', agencyIds: [shelbyville] });
    const refused = await refusal(registerForSession(db, null, changing, officer(`after${n}@example.org`)));
    expect(refused.fields?.email).toContain('for officers of Shelbyville SO.');
  });

  it('lets a trainer register anyone, as for a walk-in', async () => {
    const id = await forAgencies();
    expect((await registerForSession(db, trainer, id, officer(`guest${n}@example.org`))).status).toBe('confirmed');
  });

  it('does not let a non-member move into it from another session of the workshop', async () => {
    const open = await session();
    const place = await registerForSession(db, null, open, officer(`mover${n}@example.org`));
    const target = await forAgencies();
    const refused = await refusal(moveRegistration(db, place.id, { manageToken: place.manageToken }, target));
    expect(refused.code).toBe('not_in_audience');
    const [still] = await db.select({ sessionId: registrations.sessionId, status: registrations.status }).from(registrations).where(eq(registrations.id, place.id));
    expect(still).toEqual({ sessionId: open, status: 'confirmed' });
  });

  it('is in the catalogue with whom it is for; an unlisted session stays out', async () => {
    // A workshop of its own: the catalogue shows a workshop's first few sessions.
    const listedWorkshop = await createPublishedWorkshop(db, `audience-listed-${driver}`, 'Listed for agencies');
    const id = (await createSession(db, trainer, listedWorkshop, { ...sessionValues(), visibility: 'agencies', agencyIds: [springfield, shelbyville] })).id;
    const unlisted = (await createSession(db, trainer, listedWorkshop, { ...sessionValues(), visibility: 'unlisted' })).id;
    const page = await getCataloguePage(db, {}, 1);
    const listed = page.groups.flatMap((g) => g.sessions);
    expect(listed.find((s) => s.id === id)?.forAgencies.map((a) => a.name)).toEqual(['Shelbyville SO', 'Springfield PD']);
    expect(listed.some((s) => s.id === unlisted)).toBe(false);
    expect((await getPublicSession(db, id))?.visibility).toBe('agencies');
  });

  it('asks for at least one agency, and for agencies that exist', async () => {
    const none = await refusal(session({ visibility: 'agencies', agencyIds: [] }));
    expect(none.fields?.agencyIds).toBe('Choose at least one agency whose officers may register.');
    const unknown = await refusal(session({ visibility: 'agencies', agencyIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknown.fields?.agencyIds).toBe('One of the chosen agencies does not exist.');
    // Another visibility drops them.
    const id = await forAgencies();
    await updateSession(db, trainer, id, { visibility: 'public', agencyIds: [] });
    expect((await registerForSession(db, null, id, officer(`anyone${n}@example.org`))).status).toBe('confirmed');
  });
});
