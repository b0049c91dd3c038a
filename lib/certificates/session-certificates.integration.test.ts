import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer } from '@/test/registration-fixtures';
import { creditedWorkshop, namedTrainer, pastSession, seedRoster } from './_test/roster-fixture';
import { issueCertificates, revokeCertificate } from './issue';
import { listSessionCertificates } from './session-certificates';

describe.each(testDrivers)('a session’s certificates for its trainer on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let workshopId: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await namedTrainer(db, 'trainer@example.org', 'Jordan Okafor');
    officer = await createOfficer(db);
    workshopId = await creditedWorkshop(db, 'interviewing', { creditHours: 3, minimumCertificateHours: 1.5 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('says what issuing would do, then lists what was issued and revoked', async () => {
    const sessionId = await pastSession(db, workshopId);
    const ids = await seedRoster(db, sessionId, [
      { name: 'Ana', attendance: 'attended' },
      { name: 'Ben', attendance: 'partial', hours: 1 },
      { name: 'Cy', attendance: 'absent' },
      { name: 'Dee' },
      { name: 'Eve', status: 'waitlisted' },
    ]);
    const before = await listSessionCertificates(db, trainer, sessionId, [...ids.values()]);
    expect(before).toMatchObject({ rosterClosedAt: null, certificates: [], toIssue: 1, unrecorded: 1 });
    expect(before.attendance[ids.get('Ana')!]).toEqual({ attendance: 'attended', attendedHours: null, earns: 3 });
    expect(before.attendance[ids.get('Ben')!]).toEqual({ attendance: 'partial', attendedHours: 1, earns: null });
    expect(before.attendance[ids.get('Eve')!]).toBeUndefined();

    const { issued } = await issueCertificates(db, trainer, sessionId);
    await revokeCertificate(db, trainer, issued[0]!.code, 'Signed in for someone else');
    const after = await listSessionCertificates(db, trainer, sessionId);
    expect(after.rosterClosedAt).toEqual(expect.any(String));
    expect(after.toIssue).toBe(0);
    expect(after.certificates).toEqual([
      {
        code: issued[0]!.code,
        registrationId: ids.get('Ana'),
        holderName: 'Ana',
        holderEmail: 'ana@example.org',
        hours: 3,
        creditCategory: 'POST continuing education',
        issuedAt: expect.any(String),
        revokedAt: expect.any(String),
        revokedReason: 'Signed in for someone else',
        replacedByCode: null,
      },
    ]);
  });

  it('counts everyone alike in attendance together, and gives the attendance of only those asked about', async () => {
    const sessionId = await pastSession(db, workshopId);
    const ids = await seedRoster(db, sessionId, [
      { name: 'Ana', attendance: 'attended' },
      { name: 'Ben', attendance: 'attended' },
      { name: 'Cy', attendance: 'attended' },
      { name: 'Dee', attendance: 'partial', hours: 2 },
      { name: 'Eve', attendance: 'partial', hours: 2 },
      { name: 'Fay' },
      { name: 'Gus' },
      { name: 'Hal', status: 'waitlisted' },
    ]);
    const overview = await listSessionCertificates(db, trainer, sessionId, [ids.get('Dee')!, ids.get('Hal')!, 'not-an-id']);
    expect(overview).toMatchObject({ toIssue: 5, unrecorded: 2 });
    expect(overview.attendance).toEqual({ [ids.get('Dee')!]: { attendance: 'partial', attendedHours: 2, earns: 2 } });
  });

  it('is for trainers only', async () => {
    const sessionId = await pastSession(db, workshopId);
    expect((await refusal(listSessionCertificates(db, officer, sessionId))).status).toBe(403);
    expect((await refusal(listSessionCertificates(db, null, sessionId))).status).toBe(401);
    expect((await refusal(listSessionCertificates(db, trainer, 'nope'))).status).toBe(404);
  });
});
