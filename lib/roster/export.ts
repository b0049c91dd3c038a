import 'server-only';
import type { Db } from '@/db';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { listRegistrationsForTrainer } from '@/lib/registrations/queries';
import { getSessionForTrainer } from '@/lib/sessions/sessions';
import { recordAudit } from '@/lib/audit/record';
import { rosterCsv, rosterCsvFilename } from './csv';

export type TRosterExport = { filename: string; csv: string; rows: number };

/**
 * A session's roster as a CSV download. Exports carry personal data out of Muster, so each one is
 * written to the audit log (who, which session, how many people) in the same transaction as the read.
 */
export async function exportRosterCsv(db: Db, actor: TActor, sessionId: string): Promise<TRosterExport> {
  assertTrainer(actor);
  return db.transaction(async (tx) => {
    const session = await getSessionForTrainer(tx, actor, sessionId);
    // The sheet names the agency as typed; who verifiably belongs where is the roster page's concern.
    const entries = await listRegistrationsForTrainer(tx, actor, session.id, { membership: false });
    const filename = rosterCsvFilename(session);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'roster.exported',
      subjectType: 'training_session',
      subjectId: session.id,
      sessionId: session.id,
      details: { format: 'csv', rows: entries.length, filename },
    });
    return { filename, csv: rosterCsv(entries), rows: entries.length };
  });
}
