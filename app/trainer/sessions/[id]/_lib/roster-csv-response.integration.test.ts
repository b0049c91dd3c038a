import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trainingSessions, users, workshops } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, type TestDatabase } from '@/test/databases';
import { rosterCsvResponse } from './roster-csv-response';

const DAY = 24 * 60 * 60 * 1000;

describe('the roster download (PGlite)', () => {
  let database: TestDatabase;
  let trainer: TActor;
  let officer: TActor;
  let sessionId: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const { db } = database;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    const [user] = await db.insert(users).values({ email: 'officer@example.org' }).returning();
    officer = { id: user!.id, role: user!.role };
    const [w] = await db.insert(workshops).values({ slug: 'talking-with-children', title: 'Talking with children', status: 'published' }).returning();
    const startsAt = new Date('2030-03-04T03:00:00Z');
    const [s] = await db
      .insert(trainingSessions)
      .values({
        workshopId: w!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        timeZone: 'America/Chicago',
        venueName: 'Room 1',
        capacity: 10,
        registrationOpensAt: new Date(Date.now() - DAY),
        registrationClosesAt: startsAt,
      })
      .returning();
    sessionId = s!.id;
    await registerForSession(db, null, sessionId, { name: 'Dana Ortiz', email: 'dana@example.org', agency: '=1+1' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is a CSV attachment for a trainer, not to be cached', async () => {
    const response = await rosterCsvResponse(database.db, trainer, sessionId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="roster-talking-with-children-2030-03-03.csv"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.text();
    expect(body.split('\r\n')[1]).toMatch(/^confirmed,,Dana Ortiz,dana@example\.org,'=1\+1,/);
  });

  it('answers strangers 401 and officers 403 as JSON, and records no export for them', async () => {
    const before = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, sessionId));
    const stranger = await rosterCsvResponse(database.db, null, sessionId);
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const byOfficer = await rosterCsvResponse(database.db, officer, sessionId);
    expect(byOfficer.status).toBe(403);
    expect(await byOfficer.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(byOfficer.headers.get('content-disposition')).toBeNull();
    const after = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, sessionId));
    expect(after).toHaveLength(before.length);
  });

  it('answers 404 for a session that is not there', async () => {
    expect((await rosterCsvResponse(database.db, trainer, 'nope')).status).toBe(404);
  });
});
