import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { certificates, mailOutbox, trainingSessions, type TCertificate } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import { recordAudit } from '@/lib/audit/record';
import { certificateMessage } from './certificate-mail';
import { sealCertificate } from './certificate-record';
import { formatCertificateCode, newCertificateCode, normalizeCertificateCode } from './code';
import { certificateRecordColumns } from './columns';
import { ZCertificateReissue, ZCertificateRevoke } from './schemas';

export type TRevokeResult = { code: string; revokedAt: Date };
export type TReissueResult = { code: string };

function storedCode(code: string): string {
  const normal = normalizeCertificateCode(code);
  if (!normal) throw notFoundError('Certificate');
  return normal;
}

async function lockCertificate(tx: Db, code: string): Promise<TCertificate> {
  const [row] = await tx.select(certificateRecordColumns).from(certificates).where(eq(certificates.code, code)).for('update');
  if (!row) throw notFoundError('Certificate');
  return row;
}

function alreadyRevoked(row: TCertificate): AppError {
  const replaced = row.replacedByCode ? ` and replaced by ${formatCertificateCode(row.replacedByCode)}` : '';
  return new AppError('already_revoked', `Certificate ${formatCertificateCode(row.code)} is already revoked${replaced}.`, 409);
}

/** A certificate email not yet sent is dropped with the certificate: it would carry a revoked PDF. */
async function withdrawUnsentEmail(tx: Db, code: string) {
  await tx
    .delete(mailOutbox)
    .where(
      and(
        eq(mailOutbox.certificateCode, code),
        eq(mailOutbox.status, 'pending'),
      ),
    );
}

/**
 * Revokes a certificate: from now on it verifies as revoked, with the date and the reason. The
 * record itself is kept (with its PDF, which still hashes to it), so an old printout is recognised as
 * this revoked certificate rather than as unknown.
 */
export async function revokeCertificate(db: Db, actor: TActor, code: string, reason: unknown, now = new Date()): Promise<TRevokeResult> {
  assertTrainer(actor);
  const input = parseInput(ZCertificateRevoke, { reason });
  const stored = storedCode(code);
  return db.transaction(async (tx) => {
    const row = await lockCertificate(tx, stored);
    if (row.revokedAt) throw alreadyRevoked(row);
    await tx.update(certificates).set({ revokedAt: now, revokedReason: input.reason }).where(eq(certificates.id, row.id));
    await withdrawUnsentEmail(tx, row.code);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'certificate.revoked',
      subjectType: 'certificate',
      subjectId: row.code,
      sessionId: row.sessionId,
      registrationId: row.registrationId,
      personEmail: row.holderEmail,
      details: { reason: input.reason },
    });
    return { code: formatCertificateCode(row.code), revokedAt: now };
  });
}

const reissuedReason = (reason: string) => (/^reissued\b/i.test(reason) ? reason : `Reissued: ${reason}`);

/**
 * Replaces a certificate with a corrected copy (a misspelt name, say): the old one is revoked
 * ("Reissued: <reason>") and points to the new code; the new one repeats every fact of the old
 * with the corrected name, a new code and today's issue date, and is emailed to the holder. One
 * revoked without a replacement (by mistake) can be reissued too; one already replaced cannot.
 */
export async function reissueCertificate(
  db: Db,
  actor: TActor,
  code: string,
  input: { holderName?: unknown; reason: unknown },
  now = new Date(),
): Promise<TReissueResult> {
  assertTrainer(actor);
  const { holderName, reason } = parseInput(ZCertificateReissue, input);
  const stored = storedCode(code);
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ sessionId: certificates.sessionId }).from(certificates).where(eq(certificates.code, stored));
    if (!found) throw notFoundError('Certificate');
    // Session first, as issuing does, so a reissue and an issue of the same session never deadlock.
    await tx.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.id, found.sessionId)).for('update');
    const old = await lockCertificate(tx, stored);
    if (old.replacedByCode) throw alreadyRevoked(old);

    const { id: _id, pdfSha256: _hash, revokedAt: _revokedAt, revokedReason: _reason, replacedByCode: _replaced, ...facts } = old;
    const replacement = await sealCertificate({ ...facts, code: newCertificateCode(), holderName: holderName ?? old.holderName, issuedAt: now });
    // The old one stops being valid before the new one is stored: one valid certificate per registration.
    await tx
      .update(certificates)
      .set({ revokedAt: old.revokedAt ?? now, revokedReason: old.revokedReason ?? reissuedReason(reason), replacedByCode: replacement.code })
      .where(eq(certificates.id, old.id));
    await tx.insert(certificates).values(replacement);
    await withdrawUnsentEmail(tx, old.code);
    const message = certificateMessage(replacement);
    await enqueueMails(tx, [{ ...message, props: { ...message.props, replacesCode: formatCertificateCode(old.code) } }]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'certificate.reissued',
      subjectType: 'certificate',
      subjectId: old.code,
      sessionId: old.sessionId,
      registrationId: old.registrationId,
      personEmail: old.holderEmail,
      details: {
        replacedBy: replacement.code,
        nameChanged: replacement.holderName !== old.holderName,
        reason,
      },
    });
    return { code: formatCertificateCode(replacement.code) };
  });
}
