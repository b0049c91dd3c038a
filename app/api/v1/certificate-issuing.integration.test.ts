import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { certificates, mailOutbox } from '@/db/schema';
import { pastSession, seedRoster } from '@/lib/certificates/_test/roster-fixture';
import { normalizeCertificateCode } from '@/lib/certificates/code';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { apiClient } from './_test/client';
import { people, workshop } from './_test/fixtures';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe.each(testDrivers)('certificate issuing API on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let officerToken: string;
  let workshopId: string;

  /** A session that has ended, with two attendees and one absent; its id and the attendees' ids. */
  async function attendedSession() {
    const sessionId = await pastSession(db, workshopId);
    const ids = await seedRoster(db, sessionId, [
      { name: 'Ana Attended', attendance: 'attended' },
      { name: 'Ben Partial', attendance: 'partial', hours: 2 },
      { name: 'Cy Absent', attendance: 'absent' },
    ]);
    return { sessionId, attendees: [ids.get('Ana Attended')!, ids.get('Ben Partial')!] };
  }

  async function issuedCode(): Promise<string> {
    const { sessionId } = await attendedSession();
    const answer = await api.post(`/api/v1/sessions/${sessionId}/certificates`, undefined, { token });
    return answer.body.issued[0].code;
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    api = apiClient(db);
    const made = await people(db);
    ({ token, officerToken } = made);
    workshopId = (await workshop(db, made.trainer, { title: 'Recognising signs of abuse' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('POST /sessions/{id}/certificates', () => {
    it('issues to the attendees (201), then nothing more (200 with an empty issued)', async () => {
      const { sessionId, attendees } = await attendedSession();
      const first = await api.post(`/api/v1/sessions/${sessionId}/certificates`, undefined, { token });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.alreadyIssued).toBe(0);
      expect(first.body.issued.map((i: { registrationId: string }) => i.registrationId).sort()).toEqual([...attendees].sort());
      expect(first.body.issued.every((i: { code: string }) => CODE.test(i.code))).toBe(true);

      const second = await api.post(`/api/v1/sessions/${sessionId}/certificates`, undefined, { token });
      expect(second.status).toBe(200);
      expect(second.body).toEqual({ issued: [], alreadyIssued: 2 });
      const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.sessionId, sessionId));
      expect(mail.filter((m) => m.template === 'certificate-issued')).toHaveLength(2);
    });

    it('refuses strangers (401) and officers (403), and issues nothing', async () => {
      const { sessionId } = await attendedSession();
      const stranger = await api.post(`/api/v1/sessions/${sessionId}/certificates`);
      expect(stranger.status).toBe(401);
      expect(stranger.body.error.code).toBe('unauthorized');
      const officer = await api.post(`/api/v1/sessions/${sessionId}/certificates`, undefined, { token: officerToken });
      expect(officer.status).toBe(403);
      expect(officer.body.error.code).toBe('forbidden');
      expect(await db.select().from(certificates).where(eq(certificates.sessionId, sessionId))).toHaveLength(0);
    });

    it('answers 409 before the session starts, and 404 for an unknown session', async () => {
      const upcoming = await pastSession(db, workshopId, { startedHoursAgo: -48 });
      const early = await api.post(`/api/v1/sessions/${upcoming}/certificates`, undefined, { token });
      expect(early.status).toBe(409);
      expect(early.body.error).toMatchObject({ code: 'session_not_started', message: expect.stringMatching(/not started/) });
      const unknown = await api.post('/api/v1/sessions/00000000-0000-4000-8000-000000000000/certificates', undefined, { token });
      expect(unknown.status).toBe(404);
    });
  });

  describe('POST /certificates/{code}/revoke', () => {
    it('wants a reason (422 on reason), revokes (200), and answers 409 the second time', async () => {
      const code = await issuedCode();
      const noReason = await api.post(`/api/v1/certificates/${code}/revoke`, {}, { token });
      expect(noReason.status).toBe(422);
      expect(noReason.body.error.fields.reason).toBeDefined();
      const notJson = await api.call('post', `/api/v1/certificates/${code}/revoke`, { token, rawBody: 'reason=x' });
      expect(notJson.status).toBe(422);

      const revoked = await api.post(`/api/v1/certificates/${code}/revoke`, { reason: 'Left before the break' }, { token });
      expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
      expect(revoked.body).toEqual({ code, status: 'revoked', revokedAt: expect.any(String), revokedReason: 'Left before the break' });
      const lookup = await api.get(`/api/v1/certificates/${code}`);
      expect(lookup.body).toMatchObject({ status: 'revoked', revokedReason: 'Left before the break' });

      const twice = await api.post(`/api/v1/certificates/${code}/revoke`, { reason: 'Again' }, { token });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('already_revoked');
    });

    it('refuses strangers and officers, and answers 404 for an unknown code before reading the body', async () => {
      const code = await issuedCode();
      expect((await api.post(`/api/v1/certificates/${code}/revoke`, { reason: 'x' })).status).toBe(401);
      expect((await api.post(`/api/v1/certificates/${code}/revoke`, { reason: 'x' }, { token: officerToken })).status).toBe(403);
      expect((await api.post('/api/v1/certificates/0000-0000-0000-0000/revoke', {}, { token })).status).toBe(404);
      const [row] = await db.select().from(certificates).where(eq(certificates.code, normalizeCertificateCode(code)!));
      expect(row!.revokedAt).toBeNull();
    });
  });

  describe('POST /certificates/{code}/reissue', () => {
    it('issues a corrected certificate (201) and the old one verifies as revoked, pointing to it', async () => {
      const code = await issuedCode();
      const noReason = await api.post(`/api/v1/certificates/${code}/reissue`, { holderName: 'Ana Atended' }, { token });
      expect(noReason.status).toBe(422);
      expect(noReason.body.error.fields.reason).toBeDefined();

      const answer = await api.post(`/api/v1/certificates/${code}/reissue`, { holderName: 'Ana Attended-Jones', reason: 'Name changed' }, { token });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body).toEqual({ code: expect.stringMatching(CODE), replaces: code });
      expect((await api.get(`/api/v1/certificates/${code}`)).body).toMatchObject({
        status: 'revoked',
        revokedReason: 'Reissued: Name changed',
        replacedByCode: answer.body.code,
      });
      expect((await api.get(`/api/v1/certificates/${answer.body.code}`)).body).toMatchObject({ status: 'valid', holderName: 'Ana Attended-Jones' });
    });

    it('refuses strangers and officers', async () => {
      const code = await issuedCode();
      expect((await api.post(`/api/v1/certificates/${code}/reissue`, { reason: 'x' })).status).toBe(401);
      expect((await api.post(`/api/v1/certificates/${code}/reissue`, { reason: 'x' }, { token: officerToken })).status).toBe(403);
      expect((await api.get(`/api/v1/certificates/${code}`)).body.status).toBe('valid');
    });
  });
});
