import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { TCertificate } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import { seedCertified } from '@/lib/records/_test/certificate-fixtures';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { sha256Hex } from './hash';
import { findCertificateByCode, findCertificateByPdfHash, hitLookupLimit, publicCertificateView } from './lookup';
import { reissueCertificate, revokeCertificate } from './revoke';

describe.each(testDrivers)('certificate lookups on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: { id: string; role: 'trainer' };
  let dana: { certificate: TCertificate; pdf: Uint8Array };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    // 0 and 1 in the code, so the readings of O, I and L are put to the test.
    dana = await seedCertified(
      db,
      { name: 'Dana Reyes', email: 'dana@example.org' },
      { code: '7K2Q9XWD4HPA1M30', startsAt: new Date('2026-03-03T15:00:00Z'), hours: 3, creditHours: 3, creditCategory: 'POST continuing education' },
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('findCertificateByCode', () => {
    it.each([
      ['stored form', '7K2Q9XWD4HPA1M30'],
      ['printed form', '7K2Q-9XWD-4HPA-1M30'],
      ['lower case with spaces', ' 7k2q 9xwd 4hpa 1m30 '],
      ['O for 0, I and L for 1', '7K2Q-9XWD-4HPA-IM3O'],
      ['l for 1, o for 0', '7k2q9xwd4hpalm3o'],
    ])('finds the certificate by its %s', async (_label, typed) => {
      expect((await findCertificateByCode(db, typed))?.id).toBe(dana.certificate.id);
    });

    it.each([
      ['an unknown code', '7K2Q-9XWD-4HPA-1M31'],
      ['too short', '7K2Q-9XWD-4HPA'],
      ['a U, which no code has', '7K2Q-9XWD-4HPA-1M3U'],
      ['empty', ''],
      ['SQL', "' or 1=1 --"],
    ])('finds nothing for %s', async (_label, typed) => {
      expect(await findCertificateByCode(db, typed)).toBeUndefined();
    });
  });

  describe('findCertificateByPdfHash', () => {
    it('finds the certificate whose issued PDF has exactly this SHA-256, in either case', async () => {
      const hash = sha256Hex(dana.pdf);
      expect((await findCertificateByPdfHash(db, hash))?.id).toBe(dana.certificate.id);
      expect((await findCertificateByPdfHash(db, hash.toUpperCase()))?.id).toBe(dana.certificate.id);
    });

    it('finds nothing for the same PDF with one byte changed, or for something that is not a hash', async () => {
      const edited = new Uint8Array(dana.pdf);
      edited[Math.floor(edited.length / 2)]! ^= 0x01;
      expect(await findCertificateByPdfHash(db, sha256Hex(edited))).toBeUndefined();
      expect(await findCertificateByPdfHash(db, 'not a hash')).toBeUndefined();
      expect(await findCertificateByPdfHash(db, '')).toBeUndefined();
    });
  });

  describe('publicCertificateView', () => {
    it('shows a valid certificate with its date in the session’s zone, the zone named, and hours as a number', () => {
      expect(publicCertificateView(dana.certificate)).toEqual({
        code: '7K2Q-9XWD-4HPA-1M30',
        status: 'valid',
        holderName: 'Dana Reyes',
        workshopTitle: 'Trauma-informed interviewing',
        sessionDate: 'Tuesday 3 March 2026, 9:00–12:00 CST',
        hours: 3,
        creditCategory: 'POST continuing education',
        issuedAt: '2026-03-03T19:00:00.000Z',
      });
    });

    it('shows a revoked certificate with when and why, and still finds it by its file', async () => {
      const { certificate, pdf } = await seedCertified(db, { name: 'Ben Ode', email: 'ben@example.org' }, { hours: 2.5 });
      const revokedAt = new Date('2026-04-01T12:00:00Z');
      await revokeCertificate(db, trainer, certificate.code, 'Recorded for the wrong session', revokedAt);
      const found = await findCertificateByPdfHash(db, sha256Hex(pdf));
      expect(publicCertificateView(found!)).toMatchObject({
        status: 'revoked',
        hours: 2.5,
        revokedAt: '2026-04-01T12:00:00.000Z',
        revokedReason: 'Recorded for the wrong session',
      });
      expect(publicCertificateView(found!)).not.toHaveProperty('replacedByCode');
    });

    it('points a reissued certificate to the code that replaces it', async () => {
      const { certificate } = await seedCertified(db, { name: 'Zoe OBrien', email: 'zoe@example.org' });
      const { code: replacement } = await reissueCertificate(db, trainer, certificate.code, { holderName: 'Zoë O’Brien-Ånström', reason: 'Name misspelt' });
      const old = publicCertificateView((await findCertificateByCode(db, certificate.code))!);
      expect(old).toMatchObject({ status: 'revoked', revokedReason: 'Reissued: Name misspelt', replacedByCode: replacement });
      expect(publicCertificateView((await findCertificateByCode(db, replacement))!)).toMatchObject({ status: 'valid', holderName: 'Zoë O’Brien-Ånström' });
    });

    it('gives both dates, each with its zone, for a session that runs past midnight', async () => {
      const { certificate } = await seedCertified(
        db,
        { name: 'Night Shift', email: 'night@example.org' },
        { startsAt: new Date('2026-07-10T22:00:00Z'), lengthHours: 4, timeZone: 'Europe/London' },
      );
      expect(publicCertificateView(certificate).sessionDate).toBe('Friday 10 July 2026, 23:00 BST – Saturday 11 July 2026, 3:00 BST');
    });
  });

  describe('hitLookupLimit', () => {
    it('allows the limit per address in a minute, then refuses with the wait, and counts addresses apart', async () => {
      for (let i = 0; i < 3; i++) expect((await hitLookupLimit(db, '10.9.0.1', 3)).allowed).toBe(true);
      const over = await hitLookupLimit(db, '10.9.0.1', 3);
      expect(over.allowed).toBe(false);
      expect(over.retryAfterMs).toBeGreaterThan(0);
      expect(over.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect((await hitLookupLimit(db, '10.9.0.2', 3)).allowed).toBe(true);
    });
  });
});
