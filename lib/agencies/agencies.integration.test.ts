import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyContacts, partnerships, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import {
  addAgencyContact,
  addPartnership,
  createAgency,
  deleteAgency,
  getAgency,
  listAgencies,
  listRenewalsDue,
  removeAgencyContact,
  removePartnership,
  updateAgency,
} from './agencies';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;
const TODAY = new Date('2030-06-15T12:00:00Z');
const dateIn = (days: number) => new Date(TODAY.getTime() + days * DAY).toISOString().slice(0, 10);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDrivers)('agencies on %s', (driver) => {
  let database: TestDatabase;
  let trainer: { id: string; role: 'trainer' };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    trainer = await ensureTrainer(database.db, 'trainer@example.org');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates, reads, lists, updates and deletes an agency', async () => {
    const created = await createAgency(database.db, trainer, {
      name: '  Riverside Police Department ',
      kind: 'police_department',
      units: ['Special Victims Unit', 'Patrol'],
      notes: 'Quarterly joint sessions.',
      contacts: [{ name: 'Sgt. Dana Ortiz', role: 'Training officer', email: 'dana.ortiz@riverside.example', phone: '+1 (555) 010-2000 ext. 12' }],
    });
    expect(created).toMatchObject({
      name: 'Riverside Police Department',
      kind: 'police_department',
      units: ['Special Victims Unit', 'Patrol'],
      notes: 'Quarterly joint sessions.',
      partnerships: [],
    });
    expect(created.contacts).toEqual([
      { id: expect.any(String), name: 'Sgt. Dana Ortiz', role: 'Training officer', email: 'dana.ortiz@riverside.example', phone: '+1 (555) 010-2000 ext. 12' },
    ]);

    expect(await getAgency(database.db, trainer, created.id)).toEqual(created);
    expect(await listAgencies(database.db, trainer)).toContainEqual({ id: created.id, name: 'Riverside Police Department', kind: 'police_department' });

    const updated = await updateAgency(database.db, trainer, created.id, { name: 'Riverside PD', units: [], notes: '' });
    expect(updated).toMatchObject({ name: 'Riverside PD', kind: 'police_department', units: [], notes: '' });
    // A patch without `contacts` leaves them alone.
    expect(updated.contacts).toHaveLength(1);

    await deleteAgency(database.db, trainer, created.id);
    expect((await refusal(getAgency(database.db, trainer, created.id))).status).toBe(404);
    expect((await listAgencies(database.db, trainer)).some((a) => a.id === created.id)).toBe(false);
    const orphans = await database.db.select().from(agencyContacts).where(eq(agencyContacts.agencyId, created.id));
    expect(orphans).toHaveLength(0);
  });

  it('puts validation messages beside the fields', async () => {
    const error = await refusal(createAgency(database.db, trainer, { name: 'X', kind: 'fire_brigade' }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['name', 'kind']));

    const agency = await createAgency(database.db, trainer, { name: 'Valid agency', kind: 'other' });
    const contact = await refusal(addAgencyContact(database.db, trainer, agency.id, { name: '', email: 'not-an-email', phone: 'call me' }));
    expect(Object.keys(contact.fields ?? {})).toEqual(expect.arrayContaining(['name', 'email', 'phone']));
    const record = await refusal(addPartnership(database.db, trainer, agency.id, { mouStatus: 'signed', signedOn: '', renewalOn: '2030-13-45' }));
    expect(Object.keys(record.fields ?? {})).toEqual(expect.arrayContaining(['signedOn', 'renewalOn']));
    const order = await refusal(addPartnership(database.db, trainer, agency.id, { mouStatus: 'signed', signedOn: '2030-01-10', renewalOn: '2029-01-10' }));
    expect(order.fields).toHaveProperty('renewalOn');
  });

  it('answers 404 for an unknown or malformed agency id', async () => {
    for (const id of [UNKNOWN, 'not-a-uuid']) {
      expect((await refusal(getAgency(database.db, trainer, id))).status).toBe(404);
      expect((await refusal(updateAgency(database.db, trainer, id, { name: 'Nobody' }))).status).toBe(404);
      expect((await refusal(deleteAgency(database.db, trainer, id))).status).toBe(404);
      expect((await refusal(addAgencyContact(database.db, trainer, id, { name: 'Someone' }))).status).toBe(404);
      expect((await refusal(addPartnership(database.db, trainer, id, { mouStatus: 'proposed' }))).status).toBe(404);
    }
  });

  it('adds and removes contacts and partnership records only within their own agency', async () => {
    const mine = await createAgency(database.db, trainer, { name: 'County Sheriff', kind: 'sheriffs_office' });
    const theirs = await createAgency(database.db, trainer, { name: 'Child Protection East', kind: 'child_protection_service' });

    await addAgencyContact(database.db, trainer, mine.id, { name: 'Lt. Sam Reyes', role: 'Coordinator', email: 'sam.reyes@sheriff.example' });
    await addPartnership(database.db, trainer, mine.id, {
      mouStatus: 'signed',
      signedOn: '2030-01-10',
      renewalOn: '2031-01-10',
      informationSharingProtocol: 'Only aggregate attendance is shared.',
      notes: 'Signed by the sheriff.',
    });
    const withChildren = await getAgency(database.db, trainer, mine.id);
    const contact = withChildren.contacts[0]!;
    const record = withChildren.partnerships[0]!;
    expect(contact).toMatchObject({ name: 'Lt. Sam Reyes', role: 'Coordinator', email: 'sam.reyes@sheriff.example', phone: '' });
    expect(record).toMatchObject({
      mouStatus: 'signed',
      signedOn: '2030-01-10',
      renewalOn: '2031-01-10',
      informationSharingProtocol: 'Only aggregate attendance is shared.',
      notes: 'Signed by the sheriff.',
    });
    expect((await getAgency(database.db, trainer, theirs.id)).contacts).toEqual([]);

    // Through another agency's id, nothing is removed: the record is not found there.
    await expect(removeAgencyContact(database.db, trainer, theirs.id, contact.id)).rejects.toMatchObject({ status: 404 });
    await expect(removePartnership(database.db, trainer, theirs.id, record.id)).rejects.toMatchObject({ status: 404 });
    const untouched = await getAgency(database.db, trainer, mine.id);
    expect(untouched.contacts.map((c) => c.id)).toEqual([contact.id]);
    expect(untouched.partnerships.map((p) => p.id)).toEqual([record.id]);

    await removeAgencyContact(database.db, trainer, mine.id, contact.id);
    await removePartnership(database.db, trainer, mine.id, record.id);
    const emptied = await getAgency(database.db, trainer, mine.id);
    expect(emptied.contacts).toEqual([]);
    expect(emptied.partnerships).toEqual([]);
    expect(await database.db.select().from(partnerships).where(eq(partnerships.id, record.id))).toHaveLength(0);

    expect((await refusal(removeAgencyContact(database.db, trainer, mine.id, 'not-a-uuid'))).status).toBe(404);
    expect((await refusal(removePartnership(database.db, trainer, mine.id, 'not-a-uuid'))).status).toBe(404);
  });

  it('lists renewals due within 60 days and overdue ones, but not one 90 days out or an expired memorandum', async () => {
    const soon = await createAgency(database.db, trainer, { name: 'Renewal soon', kind: 'police_department' });
    const overdue = await createAgency(database.db, trainer, { name: 'Renewal overdue', kind: 'school_district' });
    const later = await createAgency(database.db, trainer, { name: 'Renewal later', kind: 'other' });
    const expired = await createAgency(database.db, trainer, { name: 'Renewal expired', kind: 'other' });
    const none = await createAgency(database.db, trainer, { name: 'No renewal date', kind: 'other' });
    await addPartnership(database.db, trainer, soon.id, { mouStatus: 'signed', signedOn: dateIn(-300), renewalOn: dateIn(30) });
    await addPartnership(database.db, trainer, overdue.id, { mouStatus: 'signed', signedOn: dateIn(-400), renewalOn: dateIn(-5) });
    await addPartnership(database.db, trainer, later.id, { mouStatus: 'signed', signedOn: dateIn(-200), renewalOn: dateIn(90) });
    await addPartnership(database.db, trainer, expired.id, { mouStatus: 'expired', signedOn: dateIn(-800), renewalOn: dateIn(-10) });
    await addPartnership(database.db, trainer, none.id, { mouStatus: 'proposed' });

    const due = await listRenewalsDue(database.db, trainer, 60, TODAY);
    expect(due).toEqual([
      { agencyId: overdue.id, agencyName: 'Renewal overdue', renewalOn: dateIn(-5), mouStatus: 'signed', overdue: true },
      { agencyId: soon.id, agencyName: 'Renewal soon', renewalOn: dateIn(30), mouStatus: 'signed', overdue: false },
    ]);
    // The window's edge counts as due.
    expect((await listRenewalsDue(database.db, trainer, 30, TODAY)).map((r) => r.agencyId)).toContain(soon.id);
  });

  describe('refuses everyone but trainers', () => {
    let agencyId: string;
    let officer: TActor;
    let coordinator: TActor;
    beforeAll(async () => {
      agencyId = (await createAgency(database.db, trainer, { name: 'Guarded agency', kind: 'other' })).id;
      const [row] = await database.db.insert(users).values({ email: 'officer@example.org', role: 'officer' }).returning({ id: users.id });
      officer = { id: row!.id, role: 'officer' };
      coordinator = { id: row!.id, role: 'coordinator' };
    });

    const calls: [string, (actor: TActor) => Promise<unknown>][] = [
      ['createAgency', (actor) => createAgency(database.db, actor, { name: 'Sneaky agency', kind: 'other' })],
      ['updateAgency', (actor) => updateAgency(database.db, actor, agencyId, { name: 'Renamed' })],
      ['deleteAgency', (actor) => deleteAgency(database.db, actor, agencyId)],
      ['getAgency', (actor) => getAgency(database.db, actor, agencyId)],
      ['listAgencies', (actor) => listAgencies(database.db, actor)],
      ['addAgencyContact', (actor) => addAgencyContact(database.db, actor, agencyId, { name: 'Someone' })],
      ['removeAgencyContact', (actor) => removeAgencyContact(database.db, actor, agencyId, UNKNOWN)],
      ['addPartnership', (actor) => addPartnership(database.db, actor, agencyId, { mouStatus: 'proposed' })],
      ['removePartnership', (actor) => removePartnership(database.db, actor, agencyId, UNKNOWN)],
      ['listRenewalsDue', (actor) => listRenewalsDue(database.db, actor)],
    ];

    it.each(calls)('%s: officers and coordinators 403, strangers 401', async (_name, call) => {
      for (const actor of [officer, coordinator]) {
        const error = await refusal(call(actor));
        expect(error.status).toBe(403);
        expect(error.code).toBe('forbidden');
      }
      const stranger = await refusal(call(null));
      expect(stranger.status).toBe(401);
      expect(stranger.code).toBe('unauthorized');
      const agency = await getAgency(database.db, trainer, agencyId);
      expect(agency).toMatchObject({ name: 'Guarded agency', contacts: [], partnerships: [] });
    });
  });
});
