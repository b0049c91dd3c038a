import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { seedRegistration, seedSession } from '@/lib/records/_test/certificate-fixtures';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOfficer } from '@/test/registration-fixtures';
import { agencyRecordsCsvResponse } from './records-csv-response';

describe.each(testDrivers)('the agency CSV download on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let coordinator: TActor;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    const [agency] = await db
      .insert(agencies)
      .values({ name: 'Riverside Police Department', kind: 'police_department', emailDomains: ['riverside.example'] })
      .returning({ id: agencies.id });
    const [user] = await db.insert(users).values({ email: 'coord@riverside.example', role: 'coordinator', coordinatorAgencyId: agency!.id }).returning({ id: users.id });
    coordinator = { id: user!.id, role: 'coordinator' };
    const session = await seedSession(db, { partnerAgencyId: agency!.id });
    await seedRegistration(db, session.sessionId, { name: 'Ana Silva', email: 'ana@riverside.example', attendance: 'attended' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the coordinator a CSV attachment that nothing may keep a copy of', async () => {
    const response = await agencyRecordsCsvResponse(db, coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="agency-training-riverside-police-department.csv"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toContain('Ana Silva,ana@riverside.example');
  });

  it('answers strangers 401 and officers or trainers 403, as JSON', async () => {
    const stranger = await agencyRecordsCsvResponse(db, null);
    expect(stranger.status).toBe(401);
    expect((await stranger.json()).error.code).toBe('unauthorized');
    for (const actor of [await createOfficer(db, 'officer@example.org'), await ensureTrainer(db, 'trainer@example.org')]) {
      const refused = await agencyRecordsCsvResponse(db, actor);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('Ana Silva');
    }
  });
});
