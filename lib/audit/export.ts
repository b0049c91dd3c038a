import 'server-only';
import type { Db } from '@/db';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/errors/app-error';
import { toCsv } from '@/lib/roster/csv';
import { allAuditEntries, ZAuditFilters, type TAuditEntryDto, type TAuditFilters } from './query';
import { recordAudit } from './record';

const HEADER = ['When (UTC)', 'Who', 'Action', 'Whose data', 'Session', 'Registration', 'From address', 'Subject', 'Details'] as const;

function row(entry: TAuditEntryDto): (string | null)[] {
  return [
    entry.at,
    entry.actorEmail ?? 'command line',
    entry.actionLabel,
    entry.personEmail,
    entry.sessionId,
    entry.registrationId,
    entry.ipAddress,
    entry.subjectId ? `${entry.subjectType} ${entry.subjectId}` : entry.subjectType,
    Object.keys(entry.details).length ? JSON.stringify(entry.details) : null,
  ];
}

export type TAuditExport = { filename: string; csv: string; rows: number };

/** The filtered audit log as CSV. Reading the log is a look at people's data too, so this export is itself recorded. */
export async function exportAuditCsv(db: Db, actor: TActor, input: TAuditFilters): Promise<TAuditExport> {
  assertTrainer(actor);
  const { before: _before, limit: _limit, ...filters } = parseInput(ZAuditFilters, input);
  const rows: (string | null)[][] = [];
  for await (const entry of allAuditEntries(db, actor, filters)) rows.push(row(entry));
  await recordAudit(db, {
    actorId: actor.id,
    action: 'audit.exported',
    subjectType: 'audit_log',
    subjectId: 'export',
    sessionId: filters.session,
    personEmail: filters.person,
    details: { rows: rows.length, actor: filters.actor ? 'filtered' : 'all', action: filters.action ?? null, from: filters.from ?? null, to: filters.to ?? null },
  });
  return { filename: `muster-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv: toCsv([HEADER, ...rows]), rows: rows.length };
}
