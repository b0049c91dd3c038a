import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createSession, createSessionSeries, updateSession } from '@/lib/sessions/sessions';
import { instantToWallTime } from '@/lib/time/zoned';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { changeWorkshopStatus, createWorkshop, listWorkshopsForTrainer, updateWorkshop } from './workshops';

describe.each(testDrivers)('workshops and sessions on %s', (driver) => {
  let database: TestDatabase;
  let trainer: TActor;
  let officer: TActor;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    trainer = await ensureTrainer(database.db, 'trainer@example.org');
    const [row] = await database.db.insert(users).values({ email: 'officer@example.org' }).returning();
    officer = { id: row!.id, role: row!.role };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses officers and strangers', async () => {
    expect((await refusal(createWorkshop(database.db, officer, { title: 'Sneaky' }))).status).toBe(403);
    expect((await refusal(createWorkshop(database.db, null, { title: 'Sneaky' }))).status).toBe(401);
    expect((await refusal(listWorkshopsForTrainer(database.db, officer))).status).toBe(403);
  });

  it('generates unique slugs and refuses a taken one beside the field', async () => {
    const a = await createWorkshop(database.db, trainer, { title: 'Bullying prevention' });
    const b = await createWorkshop(database.db, trainer, { title: 'Bullying Prevention!' });
    expect([a.slug, b.slug]).toEqual(['bullying-prevention', 'bullying-prevention-2']);
    const error = await refusal(updateWorkshop(database.db, trainer, b.id, { slug: 'bullying-prevention' }));
    expect(error.status).toBe(422);
    expect(error.fields?.slug).toMatch(/already used/);
  });

  it('keeps what to bring (empty unless given), up to 1000 characters', async () => {
    const w = await createWorkshop(database.db, trainer, { title: 'Bring things' });
    expect(w.whatToBring).toBe('');
    const changed = await updateWorkshop(database.db, trainer, w.id, { whatToBring: '  Your notebook and agency ID.  ' });
    expect(changed.whatToBring).toBe('Your notebook and agency ID.');
    const error = await refusal(updateWorkshop(database.db, trainer, w.id, { whatToBring: 'x'.repeat(1001) }));
    expect(error.fields?.whatToBring).toBe('What to bring can be at most 1000 characters.');
  });

  it('needs a summary to publish', async () => {
    const w = await createWorkshop(database.db, trainer, { title: 'No summary yet' });
    expect((await refusal(changeWorkshopStatus(database.db, trainer, w.id, 'publish'))).fields?.summary).toBeTruthy();
  });

  it('checks a session’s fields and says which is wrong', async () => {
    const w = await createWorkshop(database.db, trainer, { title: 'Validation' });
    const base = { startsAt: '2026-12-01T15:00:00Z', endsAt: '2026-12-01T18:00:00Z', timeZone: 'America/Chicago', capacity: 10, venue: { name: 'Room' } };
    const fieldsOf = async (input: Record<string, unknown>) => (await refusal(createSession(database.db, trainer, w.id, { ...base, ...input }))).fields;
    expect(await fieldsOf({ endsAt: '2026-12-01T14:00:00Z' })).toHaveProperty('endsAt');
    expect(await fieldsOf({ capacity: 0 })).toHaveProperty('capacity');
    expect(await fieldsOf({ timeZone: 'Mars/Base' })).toHaveProperty('timeZone');
    expect(await fieldsOf({ venue: null, onlineUrl: 'ftp://example.org' })).toHaveProperty('onlineUrl');
    expect(await fieldsOf({ venue: null, onlineUrl: 'javascript:alert(1)' })).toHaveProperty('onlineUrl');
    expect(await fieldsOf({ registrationOpensAt: '2026-11-30T00:00:00Z', registrationClosesAt: '2026-11-29T00:00:00Z' })).toHaveProperty('registrationClosesAt');
    expect(await fieldsOf({ venue: null })).toHaveProperty('venue');
  });

  it('raises the calendar sequence on a change of time or place, not of capacity', async () => {
    const w = await createWorkshop(database.db, trainer, { title: 'Sequence' });
    const s = await createSession(database.db, trainer, w.id, { startsAt: '2026-12-01T15:00:00Z', endsAt: '2026-12-01T18:00:00Z', timeZone: 'America/Chicago', capacity: 10, venue: { name: 'Room' } });
    expect((await updateSession(database.db, trainer, s.id, { capacity: 12 })).sequence).toBe(0);
    expect((await updateSession(database.db, trainer, s.id, { startsAt: '2026-12-01T16:00:00Z', endsAt: '2026-12-01T19:00:00Z' })).sequence).toBe(1);
    expect((await updateSession(database.db, trainer, s.id, { venue: { name: 'Other room' } })).sequence).toBe(2);
  });

  it('schedules a weekly series that keeps 09:00–12:00 local across the change of clocks', async () => {
    const w = await createWorkshop(database.db, trainer, { title: 'Series' });
    const series = await createSessionSeries(
      database.db,
      trainer,
      w.id,
      // 2026-10-25 09:00 EDT; the clocks go back on 2026-11-01.
      { startsAt: '2026-10-25T13:00:00Z', endsAt: '2026-10-25T16:00:00Z', timeZone: 'America/New_York', capacity: 10, venue: { name: 'Room' } },
      { kind: 'weekly', count: 3 },
    );
    expect(series.map((s) => instantToWallTime(new Date(s.startsAt), s.timeZone))).toEqual(['2026-10-25T09:00', '2026-11-01T09:00', '2026-11-08T09:00']);
    expect(series.map((s) => instantToWallTime(new Date(s.endsAt), s.timeZone).slice(11))).toEqual(['12:00', '12:00', '12:00']);
    expect(new Set(series.map((s) => s.seriesId)).size).toBe(1);
    expect(series[0]!.facilitators[0]?.email).toBe('trainer@example.org');
  });
});
