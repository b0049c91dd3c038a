import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, auditLog, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer } from '@/test/registration-fixtures';
import { getAgencyRecords } from './agency-records';
import { grantCoordinator, listCoordinators, removeCoordinator } from './coordinators';

describe.each(testDrivers)('granting the coordinator role on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: { id: string; role: 'trainer' };
  let riverside: string;
  let hillcrest: string;

  const userByEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
  const auditFor = (userId: string) =>
    db
      .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId)))
      .orderBy(auditLog.id);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    const [r, h] = await db
      .insert(agencies)
      .values([
        { name: 'Riverside Police Department', kind: 'police_department' },
        { name: 'Hillcrest Sheriff’s Office', kind: 'sheriffs_office' },
      ])
      .returning({ id: agencies.id });
    riverside = r!.id;
    hillcrest = h!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates the user for an address that has never signed in, so signing in with it opens the agency view', async () => {
    const result = await grantCoordinator(db, trainer, riverside, { email: '  New.Coord@Riverside.Example ' });
    expect(result).toMatchObject({ agencyName: 'Riverside Police Department', alreadyCoordinator: false, coordinator: { email: 'new.coord@riverside.example' } });
    const user = await userByEmail('new.coord@riverside.example');
    expect(user).toMatchObject({ role: 'coordinator', coordinatorAgencyId: riverside });
    expect((await getAgencyRecords(db, { id: user!.id, role: 'coordinator' })).agency.id).toBe(riverside);
    expect(await auditFor(user!.id)).toEqual([{ action: 'coordinator.granted', actorId: trainer.id, details: { agencyId: riverside, previousRole: 'officer' } }]);
  });

  it('promotes an existing officer, and says so without a second audit entry when asked twice', async () => {
    const officer = await createOfficer(db, 'sam@riverside.example');
    await grantCoordinator(db, trainer, riverside, { email: 'sam@riverside.example' });
    const again = await grantCoordinator(db, trainer, riverside, { email: 'SAM@riverside.example' });
    expect(again.alreadyCoordinator).toBe(true);
    expect(await userByEmail('sam@riverside.example')).toMatchObject({ id: officer!.id, role: 'coordinator', coordinatorAgencyId: riverside });
    expect(await auditFor(officer!.id)).toHaveLength(1);
    expect((await listCoordinators(db, trainer, riverside)).map((c) => c.email)).toEqual(['new.coord@riverside.example', 'sam@riverside.example']);
    expect(await listCoordinators(db, trainer, hillcrest)).toEqual([]);
  });

  it('never demotes a trainer, and says why beside the email field', async () => {
    const other = await ensureTrainer(db, 'other.trainer@example.org');
    const error = await refusal(grantCoordinator(db, trainer, riverside, { email: 'other.trainer@example.org' }));
    expect(error.status).toBe(409);
    expect(error.fields?.email).toMatch(/is a trainer/);
    expect(await userByEmail('other.trainer@example.org')).toMatchObject({ role: 'trainer', coordinatorAgencyId: null });
    expect(await auditFor(other.id)).toEqual([]);
  });

  it('does not take a coordinator from another agency without their removal there first', async () => {
    await grantCoordinator(db, trainer, hillcrest, { email: 'hal@hillcrest.example' });
    const error = await refusal(grantCoordinator(db, trainer, riverside, { email: 'hal@hillcrest.example' }));
    expect(error.status).toBe(409);
    expect(error.fields?.email).toMatch(/already the coordinator for Hillcrest Sheriff’s Office/);
    expect(await userByEmail('hal@hillcrest.example')).toMatchObject({ coordinatorAgencyId: hillcrest });
  });

  it('refuses a malformed email beside the field, and an unknown agency with 404', async () => {
    const error = await refusal(grantCoordinator(db, trainer, riverside, { email: 'not an email' }));
    expect(error.status).toBe(422);
    expect(error.fields?.email).toBe('Enter a valid email address.');
    expect((await refusal(grantCoordinator(db, trainer, '00000000-0000-0000-0000-000000000000', { email: 'x@example.org' }))).status).toBe(404);
    expect((await refusal(grantCoordinator(db, trainer, 'not-a-uuid', { email: 'x@example.org' }))).status).toBe(404);
    expect(await userByEmail('x@example.org')).toBeUndefined();
  });

  it('removes a coordinator: an officer again, without the agency, and audited', async () => {
    const { coordinator } = await grantCoordinator(db, trainer, riverside, { email: 'leaving@riverside.example' });
    await removeCoordinator(db, trainer, riverside, coordinator.id);
    expect(await userByEmail('leaving@riverside.example')).toMatchObject({ role: 'officer', coordinatorAgencyId: null });
    expect((await auditFor(coordinator.id)).map((a) => a.action)).toEqual(['coordinator.granted', 'coordinator.removed']);
    expect((await refusal(getAgencyRecords(db, { id: coordinator.id, role: 'coordinator' }))).status).toBe(403);
    expect((await refusal(removeCoordinator(db, trainer, riverside, coordinator.id))).status).toBe(404);
  });

  it('removes only this agency’s coordinators: never a trainer, never another agency’s', async () => {
    const hal = await userByEmail('hal@hillcrest.example');
    expect((await refusal(removeCoordinator(db, trainer, riverside, hal!.id))).status).toBe(404);
    expect(await userByEmail('hal@hillcrest.example')).toMatchObject({ role: 'coordinator', coordinatorAgencyId: hillcrest });
    expect((await refusal(removeCoordinator(db, trainer, riverside, trainer.id))).status).toBe(404);
    expect(await userByEmail('trainer@example.org')).toMatchObject({ role: 'trainer' });
  });

  it('lets only trainers grant, list or remove', async () => {
    const officer = await createOfficer(db, 'plain@example.org');
    const hal = await userByEmail('hal@hillcrest.example');
    const coordinator: TActor = { id: hal!.id, role: 'coordinator' };
    for (const actor of [null, officer, coordinator]) {
      const status = actor ? 403 : 401;
      expect((await refusal(grantCoordinator(db, actor, hillcrest, { email: 'plain@example.org' }))).status).toBe(status);
      expect((await refusal(listCoordinators(db, actor, hillcrest))).status).toBe(status);
      expect((await refusal(removeCoordinator(db, actor, hillcrest, hal!.id))).status).toBe(status);
    }
    expect(await userByEmail('plain@example.org')).toMatchObject({ role: 'officer' });
    expect(await userByEmail('hal@hillcrest.example')).toMatchObject({ role: 'coordinator' });
  });
});
