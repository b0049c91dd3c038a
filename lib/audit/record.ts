import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog, users } from '@/db/schema';
import type { TAuditAction } from './actions';
import { currentRequestAddress } from './request-address';

export type TAuditEntry = {
  /** Null for the operator at the command line. */
  actorId: string | null;
  action: TAuditAction;
  subjectType: string;
  subjectId: string;
  /** The session whose people's data this touched. */
  sessionId?: string;
  registrationId?: string;
  /** Whose data, when it was one person's. */
  personEmail?: string;
  /** Counts and labels only: never the personal data that was exported or sent. */
  details?: Record<string, unknown>;
};

/**
 * Writes one audit row; pass the transaction of the change it records, so both commit or
 * neither. The actor's email is copied in (so the row outlives the account) and the request's
 * client address is added, both without a round trip of their own.
 */
export async function recordAudit(tx: Db, entry: TAuditEntry): Promise<void> {
  const actorEmail = entry.actorId === null ? null : sql`(select ${users.email} from ${users} where ${users.id} = ${entry.actorId})`;
  await tx.insert(auditLog).values({
    ...entry,
    actorEmail,
    personEmail: entry.personEmail?.toLowerCase(),
    ipAddress: currentRequestAddress() ?? null,
    details: entry.details ?? {},
  });
}
