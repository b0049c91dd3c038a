import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { certificates, type TCertificate } from '@/db/schema';
import { formatCertificateCode } from '@/lib/certificates/code';
import { sha256Hex } from '@/lib/certificates/hash';
import { seedCertified } from '@/lib/records/_test/certificate-fixtures';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { getCertificate, getCertificatePdf } from './_handlers/certificate-lookup';
import { respond } from './_lib/api-handler';
import { apiClient } from './_test/client';

type TCall = { ip?: string; limitPerIp?: number };

describe.each(testDrivers)('certificate lookup API on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let valid: TCertificate;
  let validPdf: Uint8Array;
  let revoked: TCertificate;
  let ipCounter = 0;

  /** A GET from a client address of its own (the shared API client sets none), so only the limit test meets the limit. */
  async function get(path: string, call: TCall = {}) {
    const code = decodeURIComponent(path.split('/')[4]!);
    const handler = path.endsWith('/pdf') ? getCertificatePdf : getCertificate;
    const request = new Request(`http://muster.test${path}`, { headers: { 'x-muster-client-ip': call.ip ?? `10.2.0.${++ipCounter}` } });
    const deps = call.limitPerIp === undefined ? {} : { limitPerIp: call.limitPerIp };
    return respond((ctx) => handler(ctx, deps), { db, request, params: { code } });
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    ({ certificate: valid, pdf: validPdf } = await seedCertified(
      db,
      { name: 'Nguyễn Thị Minh Khai', email: 'khai@example.org' },
      { hours: 3.5, creditCategory: 'Victim support' },
    ));
    revoked = (
      await seedCertified(db, { name: 'Łukasz Żółć', email: 'lukasz@example.org' }, { revoked: { at: new Date('2026-04-01T12:00:00Z'), reason: 'Left before the end' } })
    ).certificate;
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('GET /api/v1/certificates/{code}', () => {
    it('answers the public record, never cached', async () => {
      const response = await get(`/api/v1/certificates/${formatCertificateCode(valid.code)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await response.json()).toEqual({
        code: formatCertificateCode(valid.code),
        status: 'valid',
        holderName: 'Nguyễn Thị Minh Khai',
        workshopTitle: 'Trauma-informed interviewing',
        sessionDate: 'Tuesday 3 March 2026, 9:00–12:00 CST',
        hours: 3.5,
        creditCategory: 'Victim support',
        issuedAt: '2026-03-03T19:00:00.000Z',
      });
    });

    it('reads the code however it is spelt', async () => {
      const response = await get(`/api/v1/certificates/${encodeURIComponent(formatCertificateCode(valid.code).toLowerCase().replaceAll('-', ' '))}`);
      expect(response.status).toBe(200);
      expect((await response.json()).code).toBe(formatCertificateCode(valid.code));
    });

    it('says a revoked certificate is revoked, when and why', async () => {
      const body = await (await get(`/api/v1/certificates/${revoked.code}`)).json();
      expect(body).toMatchObject({ status: 'revoked', revokedAt: '2026-04-01T12:00:00.000Z', revokedReason: 'Left before the end', holderName: 'Łukasz Żółć' });
    });

    it.each([
      ['an unknown code', '7K2Q-9XWD-4HPA-M3TR'],
      ['a malformed code', 'not-a-code'],
    ])('answers 404 not_found for %s', async (_label, code) => {
      const response = await get(`/api/v1/certificates/${code}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error).toEqual({ code: 'not_found', message: 'No certificate has this code.' });
    });

    it('is routed as the route list says, without a token', async () => {
      const answer = await apiClient(db).get(`/api/v1/certificates/${valid.code}`);
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('valid');
    });
  });

  describe('GET /api/v1/certificates/{code}/pdf', () => {
    it('answers the PDF as issued, byte for byte, shown inline under the code’s name', async () => {
      const response = await get(`/api/v1/certificates/${valid.code}/pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="certificate-${formatCertificateCode(valid.code)}.pdf"`);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      expect(bytes).toEqual(validPdf);
      expect(sha256Hex(bytes)).toBe(valid.pdfSha256);
      expect(response.headers.get('content-length')).toBe(String(validPdf.byteLength));
    });

    it('serves the stored file, never a new rendering (another APP_URL or zone database would print differently)', async () => {
      const { certificate } = await seedCertified(db, { name: 'Sam Lee', email: 'sam@example.org' });
      const issuedFile = new TextEncoder().encode('%PDF-1.7\n% as issued under another address\n');
      await db.update(certificates).set({ pdf: issuedFile }).where(eq(certificates.id, certificate.id));
      const response = await get(`/api/v1/certificates/${certificate.code}/pdf`);
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(issuedFile);
      expect(response.headers.get('content-length')).toBe(String(issuedFile.byteLength));
    });

    it('still serves a revoked certificate’s PDF (the verification page says it is revoked)', async () => {
      const response = await get(`/api/v1/certificates/${formatCertificateCode(revoked.code)}/pdf`);
      expect(response.status).toBe(200);
      expect(sha256Hex(new Uint8Array(await response.arrayBuffer()))).toBe(revoked.pdfSha256);
    });

    it('answers 404 as JSON for an unknown code', async () => {
      const response = await get('/api/v1/certificates/7K2Q-9XWD-4HPA-M3TR/pdf');
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    });
  });

  it('limits lookups per client address, the record and the PDF together, with Retry-After', async () => {
    const call = { ip: '10.3.0.1', limitPerIp: 3 };
    expect((await get(`/api/v1/certificates/${valid.code}`, call)).status).toBe(200);
    expect((await get(`/api/v1/certificates/${valid.code}/pdf`, call)).status).toBe(200);
    expect((await get('/api/v1/certificates/7K2Q-9XWD-4HPA-M3TR', call)).status).toBe(404);
    for (const path of [`/api/v1/certificates/${valid.code}`, `/api/v1/certificates/${valid.code}/pdf`]) {
      const refused = await get(path, call);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect((await refused.json()).error.code).toBe('rate_limited');
    }
    expect((await get(`/api/v1/certificates/${valid.code}`, { ip: '10.3.0.2', limitPerIp: 3 })).status).toBe(200);
  });
});
