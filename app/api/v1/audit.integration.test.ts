import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, users } from '@/db/schema';
import { createApiToken, ensureTrainer } from '@/lib/api-tokens/api-tokens';
import { exportAuditCsv } from '@/lib/audit/export';
import { listAuditEntries } from '@/lib/audit/query';
import { withRequestAddress } from '@/lib/audit/request-address';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { apiClient } from './_test/client';
import { DAY, people, session, workshop } from './_test/fixtures';

describe.each(testDrivers)('the audit log on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let officerToken: string;
  let trainer: { id: string; role: 'trainer' };
  let sessionId: string;
  let otherSessionId: string;
  let ana: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    api = apiClient(db);
    ({ token, officerToken, trainer } = await people(db));
    const { id: workshopId } = await workshop(db, trainer, { title: 'Forensic interviewing' });
    sessionId = (await session(db, trainer, workshopId, Date.now() + 10 * DAY)).id;
    otherSessionId = (await session(db, trainer, workshopId, Date.now() + 20 * DAY)).id;
    ana = await registerForSession(db, null, sessionId, { name: 'Ana Rivera', email: 'ana@springfieldpd.gov' });
    await registerForSession(db, null, sessionId, { name: 'Bo Chen', email: 'bo@springfieldpd.gov' });
    await registerForSession(db, null, otherSessionId, { name: 'Cy Diaz', email: 'cy@springfieldpd.gov' });
  });
  afterAll(async () => {
    await database?.close();
  });

  const entries = async (filters: Record<string, string | number> = {}) => (await listAuditEntries(db, trainer, filters)).items;

  it('records a roster look through the API with who, when, which session and from which address', async () => {
    const answer = await withRequestAddress('203.0.113.9', () => api.get(`/api/v1/sessions/${sessionId}/registrations`, { token }));
    expect(answer.status).toBe(200);
    const [entry] = await entries({ action: 'roster.viewed', session: sessionId });
    expect(entry).toMatchObject({
      actorId: trainer.id,
      actorEmail: 'trainer@example.org',
      actionLabel: 'Viewed a roster',
      sessionId,
      personEmail: null,
      ipAddress: '203.0.113.9',
      details: { via: 'api', people: 2 },
    });
    expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000);
  });

  it('records removing a person with whose data it was, and finds it by that person', async () => {
    await cancelRegistration(db, ana.id, { actor: trainer }, { reason: 'Asked by their unit' });
    const [removed] = await entries({ action: 'registration.removed' });
    expect(removed).toMatchObject({ registrationId: ana.id, personEmail: 'ana@springfieldpd.gov', sessionId, details: { was: 'confirmed', withReason: true } });
    expect(JSON.stringify(removed)).not.toContain('Asked by their unit');

    // Whose data: entries about Ana, and looks at a roster she was on; not the other session's.
    const aboutAna = await entries({ person: 'ANA@springfieldpd.gov' });
    expect(aboutAna.map((entry) => entry.action)).toEqual(expect.arrayContaining(['registration.removed', 'roster.viewed']));
    expect(aboutAna.every((entry) => entry.sessionId === sessionId || entry.personEmail === 'ana@springfieldpd.gov')).toBe(true);
    await api.get(`/api/v1/sessions/${otherSessionId}/registrations`, { token });
    expect((await entries({ person: 'ana@springfieldpd.gov' })).some((entry) => entry.sessionId === otherSessionId)).toBe(false);
  });

  it('keeps who acted after their account is deleted', async () => {
    const colleague = await ensureTrainer(db, 'leaving.trainer@example.org');
    await createApiToken(db, colleague, 'Old laptop');
    await db.delete(users).where(eq(users.id, colleague.id));
    const [created] = await entries({ actor: 'leaving.trainer@example.org', action: 'api_token.created' });
    expect(created).toMatchObject({ actorId: null, actorEmail: 'leaving.trainer@example.org', details: { name: 'Old laptop' } });
  });

  it('pages newest first until nothing is left, each entry once', async () => {
    const all = await entries({ limit: 200 });
    const seen: number[] = [];
    let before: number | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await listAuditEntries(db, trainer, { limit: 2, ...(before ? { before } : {}) });
      seen.push(...result.items.map((entry) => entry.id));
      if (result.nextBefore === null) break;
      before = result.nextBefore;
    }
    expect(seen).toEqual(all.map((entry) => entry.id));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('filters by whole UTC days, and puts a bad filter beside its field', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await entries({ from: today, to: today })).length).toBeGreaterThan(0);
    expect(await entries({ to: '2020-01-01' })).toEqual([]);
    const refused = await refusal(listAuditEntries(db, trainer, { from: '2026-02-30', action: 'roster.eaten', person: 'not-an-email' }));
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(['action', 'from', 'person']);
  });

  it('exports the filtered entries as CSV, and records the export with whose log it was', async () => {
    const exported = await exportAuditCsv(db, trainer, { person: 'ana@springfieldpd.gov' });
    const lines = exported.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('When (UTC),Who,Action,Whose data,Session,Registration,From address,Subject,Details');
    expect(lines.length - 1).toBe(exported.rows);
    expect(exported.csv).toContain('Removed someone from a session');
    const [recorded] = await entries({ action: 'audit.exported' });
    expect(recorded).toMatchObject({ personEmail: 'ana@springfieldpd.gov', details: { rows: exported.rows } });
  });

  it('answers GET /api/v1/audit with the same filters, and refuses officers and strangers', async () => {
    const answer = await api.get(`/api/v1/audit?action=registration.removed&limit=1`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([expect.objectContaining({ action: 'registration.removed', personEmail: 'ana@springfieldpd.gov' })]);
    expect(answer.body).toHaveProperty('nextBefore');
    expect((await api.get('/api/v1/audit?from=yesterday', { token })).body.error.fields).toHaveProperty('from');
    expect((await api.get('/api/v1/audit', { token: officerToken })).status).toBe(403);
    expect((await api.get('/api/v1/audit')).status).toBe(401);

    const [officer] = await db.select().from(users).where(eq(users.email, 'officer@example.org'));
    const byOfficer = () => db.select().from(auditLog).where(eq(auditLog.actorId, officer!.id));
    // The fixture made the officer's token while they were briefly a trainer.
    const before = await byOfficer();
    for (const actor of [{ id: officer!.id, role: 'officer' as const }, null]) {
      expect((await refusal(listAuditEntries(db, actor, {}))).status).toBe(actor ? 403 : 401);
      expect((await refusal(exportAuditCsv(db, actor, {}))).status).toBe(actor ? 403 : 401);
    }
    // A refused look is not a look: nothing was recorded for it.
    expect(await byOfficer()).toEqual(before);
  });
});
