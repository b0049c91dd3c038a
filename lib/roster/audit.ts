import 'server-only';
import type { Db } from '@/db';
import { auditLog } from '@/db/schema';

export type TAuditEntry = {
  /** Null for the operator at the command line. */
  actorId: string | null;
  /** What was done, like `roster.exported`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Counts and labels only: never the personal data that was exported or sent. */
  details?: Record<string, unknown>;
};

/** Writes one audit row; pass the transaction of the change it records, so both commit or neither. */
export async function recordAudit(tx: Db, entry: TAuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
