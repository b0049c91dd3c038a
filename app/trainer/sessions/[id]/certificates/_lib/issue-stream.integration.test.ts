import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { certificates } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { creditedWorkshop, namedTrainer, pastSession, seedRoster } from '@/lib/certificates/_test/roster-fixture';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOfficer } from '@/test/registration-fixtures';
import { issueStreamResponse, type TIssueEvent } from './issue-stream';

const request = (origin: string | null, host = 'localhost:3000') => {
  const headers = new Headers({ host });
  if (origin) headers.set('origin', origin);
  return new Request('http://localhost:3000/trainer/sessions/x/certificates/issue', { method: 'POST', headers });
};

async function events(response: Response): Promise<TIssueEvent[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TIssueEvent);
}

describe.each(testDrivers)('issuing from the roster page, with progress, on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let workshopId: string;

  const certificatesOf = (sessionId: string) => db.select().from(certificates).where(eq(certificates.sessionId, sessionId));
  async function attendedSession(count: number) {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(
      db,
      sessionId,
      Array.from({ length: count }, (_, i) => ({ name: `Officer ${i}`, attendance: 'attended' as const })),
    );
    return sessionId;
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await namedTrainer(db, 'trainer@example.org', 'Jordan Okafor');
    officer = await createOfficer(db);
    workshopId = await creditedWorkshop(db, 'interviewing');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('streams progress line by line, then the outcome once committed', async () => {
    const sessionId = await attendedSession(5);
    const response = await issueStreamResponse(db, trainer, request('http://localhost:3000'), sessionId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = await events(response);
    expect(lines).toEqual([
      { type: 'progress', done: 0, total: 5 },
      { type: 'progress', done: 1, total: 5 },
      { type: 'progress', done: 2, total: 5 },
      { type: 'progress', done: 3, total: 5 },
      { type: 'progress', done: 4, total: 5 },
      { type: 'progress', done: 5, total: 5 },
      { type: 'done', issued: 5, alreadyIssued: 0 },
    ]);
    expect(await certificatesOf(sessionId)).toHaveLength(5);

    const again = await events(await issueStreamResponse(db, trainer, request('http://localhost:3000'), sessionId));
    expect(again).toEqual([
      { type: 'progress', done: 0, total: 0 },
      { type: 'done', issued: 0, alreadyIssued: 5 },
    ]);
  });

  it('accepts the page’s own host behind a proxy', async () => {
    const sessionId = await attendedSession(1);
    const response = await issueStreamResponse(db, trainer, request('https://training.example.org', 'training.example.org'), sessionId);
    expect((await events(response)).at(-1)).toEqual({ type: 'done', issued: 1, alreadyIssued: 0 });
  });

  it('refuses another site, a missing Origin, officers and strangers before issuing anything', async () => {
    const sessionId = await attendedSession(2);
    for (const [actor, req, status] of [
      [trainer, request('https://evil.example'), 403],
      [trainer, request(null), 403],
      [officer, request('http://localhost:3000'), 403],
      [null, request('http://localhost:3000'), 401],
    ] as const) {
      const response = await issueStreamResponse(db, actor, req, sessionId);
      expect(response.status).toBe(status);
      expect((await response.json()).error.message).toEqual(expect.any(String));
    }
    expect(await certificatesOf(sessionId)).toHaveLength(0);
  });

  it('answers a session that has not started with 409 and its message, not a stream', async () => {
    const upcoming = await pastSession(db, workshopId, { startedHoursAgo: -3 });
    const response = await issueStreamResponse(db, trainer, request('http://localhost:3000'), upcoming);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'session_not_started', message: expect.stringMatching(/not started/) } });
    const unknown = await issueStreamResponse(db, trainer, request('http://localhost:3000'), '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });
});
