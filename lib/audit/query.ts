import 'server-only';
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { auditLog, registrations } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/errors/app-error';
import { AUDIT_ACTION_NAMES, auditActionLabel, SESSION_WIDE_ACTIONS } from './actions';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// An empty field of the filter form means "no filter", as an absent query parameter does.
const blankAsMissing = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema);
const optionalText = (schema: z.ZodType<string>) => blankAsMissing(schema.optional());
const email = z.string().trim().toLowerCase().pipe(z.email('Enter an email address.').max(320));
const day = z
  .string()
  .regex(ISO_DATE, 'Enter a date like 2026-03-10.')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'Enter a real date.');

/** The audit log's filters, the same on the page, its CSV and the API. Dates are whole UTC days. */
export const ZAuditFilters = z
  .object({
    person: optionalText(email).describe('Whose data: entries about this person, and looks at sessions they were on'),
    actor: optionalText(email).describe('Who did it: the email of the trainer or coordinator'),
    session: optionalText(z.uuid('Enter a session id.')),
    action: optionalText(z.enum(AUDIT_ACTION_NAMES, 'Choose an action from the list.')),
    from: optionalText(day).describe('First day, inclusive (UTC), YYYY-MM-DD'),
    to: optionalText(day).describe('Last day, inclusive (UTC), YYYY-MM-DD'),
    before: blankAsMissing(z.coerce.number().int().positive().optional()).describe('Paging: the `nextBefore` of the previous page'),
    limit: blankAsMissing(z.coerce.number().int().min(1).max(200).default(50)),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: 'The last day cannot be before the first.', path: ['to'] });

export type TAuditFilters = z.input<typeof ZAuditFilters>;

export type TAuditEntryDto = {
  id: number;
  at: string;
  actorId: string | null;
  /** Null for the operator at the command line. */
  actorEmail: string | null;
  action: string;
  actionLabel: string;
  sessionId: string | null;
  registrationId: string | null;
  personEmail: string | null;
  ipAddress: string | null;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
};

export type TAuditPage = { items: TAuditEntryDto[]; nextBefore: number | null };

function conditions(filters: z.output<typeof ZAuditFilters>): SQL[] {
  const where: SQL[] = [];
  if (filters.person) {
    // A roster look shows everyone on it: the person is among them when they were registered there.
    const theirSessions = sql`(select ${registrations.sessionId} from ${registrations} where ${registrations.email} = ${filters.person})`;
    where.push(or(eq(auditLog.personEmail, filters.person), and(inArray(auditLog.action, [...SESSION_WIDE_ACTIONS]), inArray(auditLog.sessionId, theirSessions)))!);
  }
  if (filters.actor) where.push(eq(auditLog.actorEmail, filters.actor));
  if (filters.session) where.push(eq(auditLog.sessionId, filters.session));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.from) where.push(gte(auditLog.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(auditLog.at, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS)));
  if (filters.before) where.push(lt(auditLog.id, filters.before));
  return where;
}

function toDto(row: typeof auditLog.$inferSelect): TAuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    sessionId: row.sessionId,
    registrationId: row.registrationId,
    personEmail: row.personEmail,
    ipAddress: row.ipAddress,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
  };
}

/** Newest first, a page at a time: `nextBefore` asks for the page after, null at the end. Trainers only. */
export async function listAuditEntries(db: Db, actor: TActor, input: TAuditFilters): Promise<TAuditPage> {
  assertTrainer(actor);
  const filters = parseInput(ZAuditFilters, input);
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions(filters)))
    .orderBy(desc(auditLog.id))
    .limit(filters.limit + 1);
  const items = rows.slice(0, filters.limit).map(toDto);
  return { items, nextBefore: rows.length > filters.limit ? items.at(-1)!.id : null };
}

/** Every matching entry, newest first, for the CSV: read in pages so memory stays flat. */
export async function* allAuditEntries(db: Db, actor: TActor, input: Omit<TAuditFilters, 'before' | 'limit'>): AsyncGenerator<TAuditEntryDto> {
  let before: number | undefined;
  for (;;) {
    const page = await listAuditEntries(db, actor, { ...input, before, limit: 200 });
    yield* page.items;
    if (page.nextBefore === null) return;
    before = page.nextBefore;
  }
}
