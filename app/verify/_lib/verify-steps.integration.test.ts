import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { TCertificate } from '@/db/schema';
import { formatCertificateCode } from '@/lib/certificates/code';
import { seedCertified } from '@/lib/records/_test/certificate-fixtures';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { MAX_PDF_BYTES } from './limits';
import { BAD_CODE_MESSAGE, checkUploadedPdf, codeFormTarget, lookUpCode, type TLookupContext } from './verify-steps';

function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const pdfFile = (bytes: Uint8Array, name = 'certificate.pdf') => new File([Buffer.from(bytes)], name, { type: 'application/pdf' });

describe('codeFormTarget', () => {
  it('sends a code in any spelling to its page, in the printed form', () => {
    expect(codeFormTarget(form({ code: ' 7k2q 9xwd 4hpa m3tr ' }))).toEqual({ redirectTo: '/verify/7K2Q-9XWD-4HPA-M3TR' });
  });

  it('keeps what was typed and puts the message beside the field', () => {
    expect(codeFormTarget(form({ code: '7K2Q-9XWD' }))).toEqual({ code: '7K2Q-9XWD', error: BAD_CODE_MESSAGE });
    expect(codeFormTarget(form({ code: '   ' }))).toEqual({ code: '', error: expect.stringMatching(/^Enter the code printed on the certificate/) });
    expect(codeFormTarget(form({}))).toMatchObject({ error: expect.any(String) });
  });
});

describe.each(testDrivers)('verification steps on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let valid: { certificate: TCertificate; pdf: Uint8Array };
  let revoked: { certificate: TCertificate; pdf: Uint8Array };
  let ipCounter = 0;
  const visitor = (extra: Partial<TLookupContext> = {}): TLookupContext => ({ ip: `10.4.0.${++ipCounter}`, limitPerIp: 30, ...extra });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    valid = await seedCertified(db, { name: 'Dana Reyes', email: 'dana@example.org' }, { hours: 3, creditCategory: 'POST continuing education' });
    revoked = await seedCertified(
      db,
      { name: 'Ben Ode', email: 'ben@example.org' },
      { revoked: { at: new Date('2026-04-01T12:00:00Z'), reason: 'Reissued: name misspelt', replacedByCode: '7K2Q9XWD4HPAM3TR' } },
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('lookUpCode', () => {
    it('finds the record, with its dates written in the session’s zone', async () => {
      const result = await lookUpCode(db, visitor(), formatCertificateCode(valid.certificate.code));
      expect(result).toMatchObject({
        outcome: 'found',
        record: { status: 'valid', holderName: 'Dana Reyes', hours: 3, issuedOn: '3 March 2026, 13:00 CST' },
      });
    });

    it('says when and why a certificate was revoked, and which code replaced it', async () => {
      const result = await lookUpCode(db, visitor(), revoked.certificate.code.toLowerCase());
      expect(result).toMatchObject({
        outcome: 'found',
        record: { status: 'revoked', revokedOn: '1 April 2026, 7:00 CDT', revokedReason: 'Reissued: name misspelt', replacedByCode: '7K2Q-9XWD-4HPA-M3TR' },
      });
    });

    it('tells an unknown code from a malformed one; a malformed one costs no lookup', async () => {
      expect(await lookUpCode(db, visitor(), '7K2Q-9XWD-4HPA-M3TS')).toEqual({ outcome: 'not_found', code: '7K2Q-9XWD-4HPA-M3TS' });
      const context = visitor({ limitPerIp: 1 });
      expect(await lookUpCode(db, context, 'hello')).toEqual({ outcome: 'bad_code', typed: 'hello' });
      expect((await lookUpCode(db, context, valid.certificate.code)).outcome).toBe('found');
    });

    it('stops at the per-address limit with a message saying how long to wait', async () => {
      const context = visitor({ limitPerIp: 2 });
      await lookUpCode(db, context, valid.certificate.code);
      await lookUpCode(db, context, valid.certificate.code);
      expect(await lookUpCode(db, context, valid.certificate.code)).toEqual({
        outcome: 'rate_limited',
        message: 'Too many certificate lookups from your network. Please try again in a minute.',
      });
    });
  });

  describe('checkUploadedPdf', () => {
    it('recognises exactly a PDF Muster issued, with its record', async () => {
      const state = await checkUploadedPdf(db, visitor(), form({ file: pdfFile(valid.pdf, 'dana.pdf') }));
      expect(state).toMatchObject({ checked: { fileName: 'dana.pdf', record: { code: formatCertificateCode(valid.certificate.code), status: 'valid' } } });
    });

    it('recognises a revoked certificate’s file as that certificate, revoked', async () => {
      const state = await checkUploadedPdf(db, visitor(), form({ file: pdfFile(revoked.pdf) }));
      expect(state.checked?.record).toMatchObject({ status: 'revoked', holderName: 'Ben Ode' });
    });

    it('does not recognise the same file with one byte changed, wherever the byte is', async () => {
      for (const at of [0, Math.floor(valid.pdf.length / 2), valid.pdf.length - 1]) {
        const edited = new Uint8Array(valid.pdf);
        edited[at]! ^= 0x20;
        const state = await checkUploadedPdf(db, visitor(), form({ file: pdfFile(edited) }));
        expect(state).toEqual({ checked: { fileName: 'certificate.pdf', record: null } });
      }
    });

    it('asks for a file, and refuses one over the size limit with a clear message', async () => {
      expect(await checkUploadedPdf(db, visitor(), form({}))).toEqual({ error: 'Choose the certificate’s PDF file.' });
      expect(await checkUploadedPdf(db, visitor(), form({ file: pdfFile(new Uint8Array(0)) }))).toEqual({ error: 'Choose the certificate’s PDF file.' });
      const large = await checkUploadedPdf(db, visitor(), form({ file: pdfFile(new Uint8Array(MAX_PDF_BYTES + 1)) }));
      expect(large.error).toMatch(/larger than 1 MB/);
    });

    it('counts against the same limit as code lookups', async () => {
      const context = visitor({ limitPerIp: 1 });
      await lookUpCode(db, context, valid.certificate.code);
      const state = await checkUploadedPdf(db, context, form({ file: pdfFile(valid.pdf) }));
      expect(state.error).toMatch(/^Too many certificate lookups/);
      expect(state.checked).toBeUndefined();
    });
  });
});
