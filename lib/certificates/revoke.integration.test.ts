import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, certificates, mailOutbox } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer } from '@/test/registration-fixtures';
import { creditedWorkshop, namedTrainer, pastSession, seedRoster } from './_test/roster-fixture';
import { formatCertificateCode, normalizeCertificateCode } from './code';
import { certificatePdfAttachments } from './email-attachment';
import { sha256Hex } from './hash';
import { issueCertificates, reissueCertificate, revokeCertificate } from './issue';

describe.each(testDrivers)('revoking and reissuing certificates on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let workshopId: string;

  const byCode = async (code: string) => {
    const [row] = await db.select().from(certificates).where(eq(certificates.code, normalizeCertificateCode(code)!));
    return row!;
  };
  const mailFor = (code: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'certificate-issued'))
      .then((rows) => rows.filter((row) => row.certificateCode === normalizeCertificateCode(code)));

  /** A past session with one attendee, certified; the certificate's code as printed. */
  async function oneCertificate(name = 'Jon Smiht'): Promise<{ code: string; sessionId: string; registrationId: string }> {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(db, sessionId, [{ name, attendance: 'attended' }]);
    const { issued } = await issueCertificates(db, trainer, sessionId);
    return { code: issued[0]!.code, registrationId: issued[0]!.registrationId, sessionId };
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

  it('revokes with a reason, withdraws the unsent email, records it, and refuses a second time with 409', async () => {
    const { code, sessionId } = await oneCertificate();
    expect(await mailFor(code)).toHaveLength(1);

    const missing = await refusal(revokeCertificate(db, trainer, code, '   '));
    expect(missing.status).toBe(422);
    expect(missing.fields?.reason).toMatch(/reason/i);
    expect((await byCode(code)).revokedAt).toBeNull();

    const at = new Date('2031-02-03T10:00:00.000Z');
    // Any spelling of the code a person may type is the same certificate.
    const result = await revokeCertificate(db, trainer, code.toLowerCase().replace(/-/g, ' '), ' Did not attend the afternoon ', at);
    expect(result).toEqual({ code, revokedAt: at });
    expect(await byCode(code)).toMatchObject({ revokedAt: at, revokedReason: 'Did not attend the afternoon', replacedByCode: null });
    expect(await mailFor(code)).toHaveLength(0);

    const twice = await refusal(revokeCertificate(db, trainer, code, 'Again'));
    expect(twice.status).toBe(409);
    expect(twice.code).toBe('already_revoked');

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'certificate.revoked'), eq(auditLog.subjectId, normalizeCertificateCode(code)!)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: trainer!.id, subjectType: 'certificate', sessionId, details: { reason: 'Did not attend the afternoon' } });

    // Issuing again does not bring a certificate revoked for cause back.
    expect(await issueCertificates(db, trainer, sessionId)).toEqual({ issued: [], alreadyIssued: 1 });
  });

  it('reissues with a corrected name: the old one revoked and pointing to the new, the new one valid and emailed', async () => {
    const { code: oldCode, registrationId, sessionId } = await oneCertificate('Jon Smiht');
    const old = await byCode(oldCode);
    const at = new Date(old.issuedAt.getTime() + 86_400_000);

    const { code: newCode } = await reissueCertificate(db, trainer, oldCode, { holderName: ' Jon Smith ', reason: 'Name misspelt' }, at);
    expect(newCode).not.toBe(oldCode);
    expect(newCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const before = await byCode(oldCode);
    expect(before).toMatchObject({ revokedAt: at, revokedReason: 'Reissued: Name misspelt', replacedByCode: normalizeCertificateCode(newCode) });
    const after = await byCode(newCode);
    const { id: _a, code: _b, holderName: _c, issuedAt: _d, pdfSha256: _e, revokedAt: _f, revokedReason: _g, replacedByCode: _h, pdf: _i, ...sameFacts } = old;
    expect(after).toMatchObject({ ...sameFacts, holderName: 'Jon Smith', issuedAt: at, revokedAt: null, registrationId, sessionId });
    expect(after.pdfSha256).not.toBe(old.pdfSha256);

    const [message] = await mailFor(newCode);
    expect(message).toMatchObject({ toAddress: old.holderEmail, registrationId, subject: 'Your corrected certificate: Trauma-informed interviewing' });
    expect(message!.props).toMatchObject({ name: 'Jon Smith', code: newCode, replacesCode: oldCode });
    const [pdf] = await certificatePdfAttachments(db, message!);
    expect(new Uint8Array(pdf!.content as Buffer)).toEqual(after.pdf);
    expect(sha256Hex(after.pdf)).toBe(after.pdfSha256);
    // The first email, not sent yet, would have carried the misspelt certificate.
    expect(await mailFor(oldCode)).toHaveLength(0);

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'certificate.reissued'), eq(auditLog.subjectId, old.code)));
    expect(audit[0]?.details).toMatchObject({ replacedBy: after.code, nameChanged: true, reason: 'Name misspelt' });

    const again = await refusal(reissueCertificate(db, trainer, oldCode, { reason: 'Again' }));
    expect(again.status).toBe(409);
    expect(again.message).toContain(newCode);
    expect(await issueCertificates(db, trainer, sessionId)).toEqual({ issued: [], alreadyIssued: 1 });
  });

  it('reissues a certificate revoked by mistake, keeping its revocation, and keeps the name when none is given', async () => {
    const { code } = await oneCertificate('Priya Raman');
    await revokeCertificate(db, trainer, code, 'Wrong person');
    const { code: newCode } = await reissueCertificate(db, trainer, code, { reason: 'Revoked by mistake' });
    expect(await byCode(code)).toMatchObject({ revokedReason: 'Wrong person', replacedByCode: normalizeCertificateCode(newCode) });
    expect(await byCode(newCode)).toMatchObject({ holderName: 'Priya Raman', revokedAt: null });
  });

  it('wants a reason and a non-empty name to reissue', async () => {
    const { code } = await oneCertificate();
    const noReason = await refusal(reissueCertificate(db, trainer, code, { holderName: 'Jon Smith', reason: '' }));
    expect(noReason.status).toBe(422);
    expect(noReason.fields?.reason).toBeDefined();
    const blankName = await refusal(reissueCertificate(db, trainer, code, { holderName: '  ', reason: 'Name misspelt' }));
    expect(blankName.fields?.holderName).toBeDefined();
    expect((await byCode(code)).revokedAt).toBeNull();
  });

  it('refuses officers and strangers, and answers 404 for a code that is no certificate', async () => {
    const { code } = await oneCertificate();
    expect((await refusal(revokeCertificate(db, officer, code, 'No'))).status).toBe(403);
    expect((await refusal(revokeCertificate(db, null, code, 'No'))).status).toBe(401);
    expect((await refusal(reissueCertificate(db, officer, code, { reason: 'No' }))).status).toBe(403);
    expect((await refusal(reissueCertificate(db, null, code, { reason: 'No' }))).status).toBe(401);
    expect((await refusal(revokeCertificate(db, trainer, 'AAAA-BBBB-CCCC-DDDD', 'No'))).status).toBe(404);
    expect((await refusal(reissueCertificate(db, trainer, 'not a code', { reason: 'No' }))).status).toBe(404);
    expect((await byCode(code)).revokedAt).toBeNull();
    expect(formatCertificateCode(normalizeCertificateCode(code)!)).toBe(code);
  });
});
