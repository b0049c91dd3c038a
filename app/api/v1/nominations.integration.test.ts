import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { createAgency } from '@/lib/agencies/agencies';
import { createApiToken, listApiTokens } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { outboxFor } from '@/test/registration-fixtures';
import { apiRoutes } from './_lib/routes';
import { apiClient } from './_test/client';
import { DAY, people, session, workshop } from './_test/fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(testDrivers)('coordinator API tokens on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof apiClient>;
  let tokens: Awaited<ReturnType<typeof people>>;
  let springfield: { token: string; agencyId: string };
  let shelbyville: { token: string; agencyId: string };
  let workshopId: string;

  async function coordinatorOf(name: string, domain: string) {
    const agency = await createAgency(db, tokens.trainer, { name, kind: 'police_department', emailDomains: [domain] });
    const [user] = await db
      .insert(users)
      .values({ email: `coordinator@${domain}`, role: 'coordinator', coordinatorAgencyId: agency.id })
      .returning({ id: users.id, role: users.role });
    const actor = { id: user!.id, role: user!.role } as NonNullable<TActor>;
    const { token } = await createApiToken(db, actor, 'Rostering system');
    return { token, agencyId: agency.id, actor };
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    api = apiClient(db);
    tokens = await people(db);
    springfield = await coordinatorOf('Springfield PD', 'springfieldpd.example');
    shelbyville = await coordinatorOf('Shelbyville SO', 'shelbyvilleso.example');
    workshopId = (await workshop(db, tokens.trainer, { title: 'Joint interviewing' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets a coordinator hold tokens of their own, which list as theirs only', async () => {
    const coordinator = await coordinatorOf('Ogdenville PD', 'ogdenvillepd.example');
    expect((await listApiTokens(db, coordinator.actor)).map((t) => t.name)).toEqual(['Rostering system']);
    const officer = { id: (await db.insert(users).values({ email: 'just.an.officer@example.org' }).returning({ id: users.id }))[0]!.id, role: 'officer' as const };
    expect((await refusal(createApiToken(db, officer, 'mine'))).status).toBe(403);
  });

  it('registers one or many of the agency’s officers with their invites, and refuses bad lists field by field', async () => {
    const { id: sessionId } = await session(db, tokens.trainer, workshopId, Date.now() + 20 * DAY, { partnerAgencyId: springfield.agencyId });
    const path = `/api/v1/sessions/${sessionId}/nominations`;
    const bad = await api.post(path, { officers: [{ name: 'Ana Ruiz', email: 'ana@springfieldpd.example' }, { name: 'Ana again', email: 'ANA@springfieldpd.example' }] }, { token: springfield.token });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty(['officers.1.email']);
    const noEmail = await api.post(path, { officers: [{ name: 'Ben Cho', email: 'not-an-address' }] }, { token: springfield.token });
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.error.fields).toHaveProperty(['officers.0.email']);
    expect((await api.post(path, { officers: [] }, { token: springfield.token })).body.error.fields).toHaveProperty(['officers']);

    const made = await api.post(
      path,
      { officers: [{ name: 'Ana Ruiz', email: 'ana@springfieldpd.example', badgeNumber: '4471' }, { name: 'Ben Cho', email: 'ben.cho@gmail.example' }] },
      { token: springfield.token },
    );
    expect(made.status).toBe(201);
    expect(made.body.items.map((i: { status: string }) => i.status)).toEqual(['confirmed', 'confirmed']);
    const confirmations = await outboxFor(db, sessionId, ['registration-confirmed']);
    expect(confirmations.map((m) => m.toAddress).sort()).toEqual(['ana@springfieldpd.example', 'ben.cho@gmail.example']);
    expect(confirmations.every((m) => m.props.nominatedBy === 'Springfield PD' && m.props.invite)).toBe(true);

    // Nominated, Ben is Springfield's officer now, whatever his address says.
    const roster = await api.get(`/api/v1/sessions/${sessionId}/registrations`, { token: tokens.token });
    expect(roster.body.items.map((i: { email: string; agencyId: string | null }) => [i.email, i.agencyId])).toEqual([
      ['ana@springfieldpd.example', springfield.agencyId],
      ['ben.cho@gmail.example', springfield.agencyId],
    ]);

    const again = await api.post(path, { officers: [{ name: 'Ana Ruiz', email: 'ana@springfieldpd.example' }] }, { token: springfield.token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_registered');
  });

  it('keeps each token inside its agency: other agencies’ sessions and officers are not found, trainers’ routes forbidden', async () => {
    const { id: forShelbyville } = await session(db, tokens.trainer, workshopId, Date.now() + 21 * DAY, {
      visibility: 'agencies',
      agencyIds: [shelbyville.agencyId],
    });
    const one = { officers: [{ name: 'Cara Diaz', email: 'cara@springfieldpd.example' }] };
    expect((await api.post(`/api/v1/sessions/${forShelbyville}/nominations`, one, { token: springfield.token })).status).toBe(404);
    // Only coordinators nominate: a trainer's or an officer's token is outside this route's scope.
    expect((await api.post(`/api/v1/sessions/${forShelbyville}/nominations`, one, { token: tokens.token })).status).toBe(403);
    expect((await api.post(`/api/v1/sessions/${forShelbyville}/nominations`, one, { token: tokens.officerToken })).status).toBe(403);
    expect((await api.post(`/api/v1/sessions/${forShelbyville}/nominations`, one)).status).toBe(401);

    const made = await api.post(
      `/api/v1/sessions/${forShelbyville}/nominations`,
      { officers: [{ name: 'Dee Fox', email: 'dee@shelbyvilleso.example' }] },
      { token: shelbyville.token },
    );
    expect(made.status).toBe(201);
    const substitute = { name: 'Eli Grant', email: 'eli@springfieldpd.example' };
    expect((await api.post(`/api/v1/registrations/${made.body.items[0].id}/substitute`, substitute, { token: springfield.token })).status).toBe(404);
    expect((await api.post(`/api/v1/registrations/${made.body.items[0].id}/substitute`, substitute, { token: tokens.token })).status).toBe(403);

    // Every trainer route refuses a coordinator's token before reading the body; approvals are
    // the coordinator's too, and an unknown one is not found.
    const coordinatorsToo = new Set(['approveRegistration', 'declineRegistration']);
    for (const route of apiRoutes.filter((r) => r.auth === 'bearer')) {
      const answer = await api.call(route.method, route.path.replace('{id}', UNKNOWN), {
        token: springfield.token,
        rawBody: route.method === 'get' ? undefined : '{"broken',
      });
      expect(answer.status, `${route.method} ${route.path}`).toBe(coordinatorsToo.has(route.operationId) ? 404 : 403);
    }
  });

  it('answers a coordinator 404 for unknown ids and ids that are not UUIDs', async () => {
    const body = { name: 'Ivy Kent', email: 'ivy@springfieldpd.example' };
    for (const id of [UNKNOWN, 'not-a-uuid']) {
      expect((await api.post(`/api/v1/sessions/${id}/nominations`, { officers: [body] }, { token: springfield.token })).status).toBe(404);
      expect((await api.post(`/api/v1/registrations/${id}/substitute`, body, { token: springfield.token })).status).toBe(404);
    }
  });

  it('sends a substitute in an officer’s place: the first gets CANCEL, the substitute an invite of their own', async () => {
    const { id: sessionId } = await session(db, tokens.trainer, workshopId, Date.now() + 22 * DAY, { partnerAgencyId: springfield.agencyId });
    const made = await api.post(`/api/v1/sessions/${sessionId}/nominations`, { officers: [{ name: 'Fay Hill', email: 'fay@springfieldpd.example' }] }, { token: springfield.token });
    const id = made.body.items[0].id as string;
    const swapped = await api.post(`/api/v1/registrations/${id}/substitute`, { name: 'Gus Iver', email: 'gus@springfieldpd.example' }, { token: springfield.token });
    expect(swapped.status).toBe(201);
    expect(swapped.body).toMatchObject({ status: 'confirmed' });
    expect(swapped.body.id).not.toBe(id);
    const cancelled = await outboxFor(db, sessionId, ['registration-cancelled']);
    expect(cancelled.map((m) => [m.toAddress, (m.props.invite as { method: string }).method])).toEqual([['fay@springfieldpd.example', 'CANCEL']]);
    const invites = (await outboxFor(db, sessionId, ['registration-confirmed'])).map((m) => [m.toAddress, (m.props.invite as { uid: string }).uid]);
    expect(invites).toHaveLength(2);
    expect(new Set(invites.map(([, uid]) => uid)).size).toBe(2);
    const badBody = await api.post(`/api/v1/registrations/${swapped.body.id}/substitute`, { name: '', email: 'x' }, { token: springfield.token });
    expect(badBody.status).toBe(422);
    expect(Object.keys(badBody.body.error.fields)).toEqual(expect.arrayContaining(['name', 'email']));
  });

  it('lets the deciding agency’s coordinator approve by token, and no other agency’s', async () => {
    const { id: sessionId } = await session(db, tokens.trainer, workshopId, Date.now() + 23 * DAY, {
      partnerAgencyId: springfield.agencyId,
      approval: 'coordinator',
    });
    const asked = await api.post(`/api/v1/sessions/${sessionId}/registrations`, { name: 'Hal Jones', email: 'hal@springfieldpd.example' });
    expect(asked.body.status).toBe('pending_approval');
    // Another agency's coordinator learns no more than of a request that does not exist.
    expect((await api.post(`/api/v1/registrations/${asked.body.id}/approve`, undefined, { token: shelbyville.token })).status).toBe(404);
    const approved = await api.post(`/api/v1/registrations/${asked.body.id}/approve`, undefined, { token: springfield.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ id: asked.body.id, status: 'approved' });
    const confirmed = await outboxFor(db, sessionId, ['registration-confirmed']);
    expect(confirmed.map((m) => m.toAddress)).toEqual(['hal@springfieldpd.example']);
  });
});
