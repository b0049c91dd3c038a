import 'server-only';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { agencyRecordsCsv, agencyRecordsFilename } from './agency-csv';
import { listAgencyRegistrations } from './agency-records';
import { coordinatorAgency } from './coordinator-scope';

export type TAgencyExport = { filename: string; csv: string; rows: number };

/**
 * The coordinator's CSV of their agency's records. Exports carry personal data out of Muster, so
 * each is written to the audit log (who, which agency, how many rows) in the transaction of the read.
 */
export async function exportAgencyRecordsCsv(db: Db, actor: TActor): Promise<TAgencyExport> {
  return db.transaction(async (tx) => {
    const agency = await coordinatorAgency(tx, actor);
    const rows = await listAgencyRegistrations(tx, agency.id);
    const filename = agencyRecordsFilename(agency.name);
    await recordAudit(tx, {
      actorId: actor!.id,
      action: 'agency_records.exported',
      subjectType: 'agency',
      subjectId: agency.id,
      details: { format: 'csv', rows: rows.length, filename },
    });
    return { filename, csv: agencyRecordsCsv(rows), rows: rows.length };
  });
}
