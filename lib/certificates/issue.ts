import 'server-only';
import { and, asc, countDistinct, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { certificates, registrations, trainingSessions } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { notFoundError } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/workshops/workshops';
import { certificateMessage } from './certificate-mail';
import { draftCertificate, sealCertificate, type TSealedCertificate } from './certificate-record';
import { formatCertificateCode } from './code';
import { certificateRecordColumns } from './columns';
import { certificateHours } from './eligibility';
import { assertIssuable, loadIssuer, lockIssueContext } from './issue-context';

export { reissueCertificate, revokeCertificate } from './revoke';

export type TIssueOptions = {
  /** Called as each certificate is rendered, and once with 0 when the total is known. */
  onProgress?: (done: number, total: number) => void;
  now?: Date;
};

export type TIssueResult = {
  /** Codes as printed, in groups: 7K2Q-9XWD-4HPA-M3TR. */
  issued: { code: string; registrationId: string }[];
  /** People in the session who already had a certificate and were given none this time. */
  alreadyIssued: number;
};

// Rows per INSERT: a few statements for a big roster instead of one per person, well under
// PostgreSQL's 65,535 parameters a statement.
const BATCH = 250;

/** Confirmed people whose attendance may earn a certificate and who never had one from this session. */
function candidates(tx: Db, sessionId: string) {
  const any = tx.select({ one: sql`1` }).from(certificates).where(eq(certificates.registrationId, registrations.id));
  return tx
    .select({
      registrationId: registrations.id,
      name: registrations.name,
      email: registrations.email,
      status: registrations.status,
      attendance: registrations.attendance,
      attendedHours: registrations.attendedHours,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.sessionId, sessionId),
        eq(registrations.status, 'confirmed'),
        inArray(registrations.attendance, ['attended', 'partial']),
        notExists(any),
      ),
    )
    .orderBy(asc(registrations.name), asc(registrations.id));
}

async function holdersAlready(tx: Db, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: countDistinct(certificates.registrationId) })
    .from(certificates)
    .where(eq(certificates.sessionId, sessionId));
  return Number(row?.n ?? 0);
}

/**
 * Closes a session's roster and issues one certificate to each person whose attendance earns one
 * (see certificateHours), with the email that carries it, all in one transaction: either everyone
 * has their certificate and their email is queued, or nothing happened. The session row is locked
 * first, so running it twice at once, or again later, never issues anyone a second certificate.
 * A registration that ever had a certificate gets none here, so one revoked for cause stays
 * revoked; reissueCertificate is how a holder gets a corrected one.
 */
export async function issueCertificates(db: Db, actor: TActor, sessionId: string, options: TIssueOptions = {}): Promise<TIssueResult> {
  assertTrainer(actor);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const context = await lockIssueContext(tx, sessionId);
    if (!context) throw notFoundError('Session');
    assertIssuable(context.session, now);
    const closing = context.session.rosterClosedAt === null;
    if (closing) {
      await tx.update(trainingSessions).set({ rosterClosedAt: now, updatedAt: sql`now()` }).where(eq(trainingSessions.id, sessionId));
    }
    const alreadyIssued = await holdersAlready(tx, sessionId);
    const earning = (await candidates(tx, sessionId)).flatMap((person) => {
      const hours = certificateHours(person, context.workshop);
      return hours === null ? [] : [{ person, hours }];
    });
    const issuer = await loadIssuer(tx, actor.id);
    const total = earning.length;
    options.onProgress?.(0, total);

    const issued: TIssueResult['issued'] = [];
    let rendered = 0;
    for (let start = 0; start < total; start += BATCH) {
      const batch: TSealedCertificate[] = [];
      for (const { person, hours } of earning.slice(start, start + BATCH)) {
        const draft = draftCertificate(context, { registrationId: person.registrationId, name: person.name, email: person.email }, hours, issuer, now);
        batch.push(await sealCertificate(draft));
        options.onProgress?.(++rendered, total);
      }
      // The lock makes a clash impossible between issuers; the index backs that up for any other writer.
      const stored = await tx
        .insert(certificates)
        .values(batch)
        .onConflictDoNothing({ target: certificates.registrationId, where: isNull(certificates.revokedAt) })
        .returning(certificateRecordColumns);
      await enqueueMails(tx, stored.map(certificateMessage));
      issued.push(...stored.map((c) => ({ code: formatCertificateCode(c.code), registrationId: c.registrationId })));
    }

    if (closing || issued.length > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'certificates.issued',
        subjectType: 'training_session',
        subjectId: sessionId,
        sessionId,
        details: { issued: issued.length, alreadyIssued, rosterClosed: closing },
      });
    }
    return { issued, alreadyIssued };
  });
}
