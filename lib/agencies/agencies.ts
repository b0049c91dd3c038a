import 'server-only';
import { and, asc, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, agencyContacts, partnerships, registrations, trainingSessions, type TAgencyKind, type TMouStatus } from '@/db/schema';
import { queryRows } from '@/db/client';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { ZAgencyCreate, ZAgencyPatch, ZContact, ZPartnership, type TContactInput, type TPartnershipInput } from './schemas';

export type TContactDto = TContactInput & { id: string };
export type TPartnershipDto = TPartnershipInput & { id: string };
export type TAgencyDto = {
  id: string;
  name: string;
  kind: TAgencyKind;
  units: string[];
  emailDomains: string[];
  notes: string;
  contacts: TContactDto[];
  partnerships: TPartnershipDto[];
};

async function agencyOrThrow(db: Db, id: string) {
  if (!isUuid(id)) throw notFoundError('Agency');
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!row) throw notFoundError('Agency');
  return row;
}

async function loadAgency(db: Db, id: string): Promise<TAgencyDto> {
  const row = await agencyOrThrow(db, id);
  const [contacts, records] = await Promise.all([
    db.select().from(agencyContacts).where(eq(agencyContacts.agencyId, id)).orderBy(asc(agencyContacts.name)),
    db.select().from(partnerships).where(eq(partnerships.agencyId, id)).orderBy(asc(partnerships.createdAt)),
  ]);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    units: row.units,
    emailDomains: row.emailDomains,
    notes: row.notes,
    contacts: contacts.map(({ id: contactId, name, role, email, phone }) => ({ id: contactId, name, role, email, phone })),
    partnerships: records.map((p) => ({
      id: p.id,
      mouStatus: p.mouStatus,
      signedOn: p.signedOn,
      renewalOn: p.renewalOn,
      informationSharingProtocol: p.informationSharingProtocol,
      notes: p.notes,
    })),
  };
}

async function replaceChildren(db: Db, agencyId: string, contacts?: TContactInput[], records?: TPartnershipInput[]) {
  if (contacts) {
    await db.delete(agencyContacts).where(eq(agencyContacts.agencyId, agencyId));
    if (contacts.length) await db.insert(agencyContacts).values(contacts.map((c) => ({ ...c, agencyId })));
  }
  if (records) {
    await db.delete(partnerships).where(eq(partnerships.agencyId, agencyId));
    if (records.length) await db.insert(partnerships).values(records.map((p) => ({ ...p, agencyId })));
  }
}

export async function createAgency(db: Db, actor: TActor, input: unknown): Promise<TAgencyDto> {
  assertTrainer(actor);
  const { contacts, partnerships: records, ...fields } = parseInput(ZAgencyCreate, input);
  const id = await db.transaction(async (tx) => {
    await assertDomainsFree(tx, fields.emailDomains);
    const [row] = await tx.insert(agencies).values(fields).returning({ id: agencies.id });
    await replaceChildren(tx, row!.id, contacts, records);
    return row!.id;
  });
  return loadAgency(db, id);
}

/** Changes an agency; `contacts` or `partnerships`, when given, replace the existing lists. */
export async function updateAgency(db: Db, actor: TActor, id: string, input: unknown): Promise<TAgencyDto> {
  assertTrainer(actor);
  const { contacts, partnerships: records, ...fields } = parseInput(ZAgencyPatch, input);
  await agencyOrThrow(db, id);
  await db.transaction(async (tx) => {
    await assertDomainsFree(tx, fields.emailDomains, id);
    await tx.update(agencies).set({ ...fields, updatedAt: new Date() }).where(eq(agencies.id, id));
    await replaceChildren(tx, id, contacts, records);
  });
  return loadAgency(db, id);
}

/** A domain makes its addresses members, so it belongs to one agency only. */
async function assertDomainsFree(db: Db, domains: string[] | undefined, agencyId?: string): Promise<void> {
  if (!domains?.length) return;
  const wanted = sql`array[${sql.join(
    domains.map((domain) => sql`${domain}`),
    sql`, `,
  )}]::text[]`;
  const [taken] = await db
    .select({ name: agencies.name, emailDomains: agencies.emailDomains })
    .from(agencies)
    .where(and(sql`${agencies.emailDomains} ?| ${wanted}`, agencyId ? ne(agencies.id, agencyId) : undefined))
    .limit(1);
  if (!taken) return;
  const domain = domains.find((d) => taken.emailDomains.includes(d));
  const name = taken.name;
  throw new AppError('validation_failed', 'Some fields need attention.', 422, { emailDomains: `${domain} is already a domain of ${name}.` });
}

export async function deleteAgency(db: Db, actor: TActor, id: string): Promise<void> {
  assertTrainer(actor);
  await agencyOrThrow(db, id);
  await db.delete(agencies).where(eq(agencies.id, id));
}

export async function getAgency(db: Db, actor: TActor, id: string): Promise<TAgencyDto> {
  assertTrainer(actor);
  return loadAgency(db, id);
}

export async function listAgencies(db: Db, actor: TActor): Promise<{ id: string; name: string; kind: TAgencyKind }[]> {
  assertTrainer(actor);
  return db.select({ id: agencies.id, name: agencies.name, kind: agencies.kind }).from(agencies).orderBy(asc(agencies.name));
}

/** How many agency names a form offers while typing: enough for a session's usual agencies, never a page of thousands. */
export const AGENCY_SUGGESTIONS = 30;

/**
 * Agency names to offer when adding someone to a session: its partner agency first, then the
 * agencies its people named most, then the rest by name, at most `limit` of them.
 */
export async function listAgencySuggestions(db: Db, actor: TActor, sessionId: string, limit = AGENCY_SUGGESTIONS): Promise<{ id: string; name: string }[]> {
  assertTrainer(actor);
  if (!isUuid(sessionId)) return [];
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select a.id, a.name from ${agencies} a
      left join (
        select lower(${registrations.agency}) as typed, count(*) as named from ${registrations}
        where ${registrations.sessionId} = ${sessionId} group by 1
      ) as roster on roster.typed = lower(a.name)
      order by a.id = (select ${trainingSessions.partnerAgencyId} from ${trainingSessions} where ${trainingSessions.id} = ${sessionId}) desc nulls last,
        coalesce(roster.named, 0) desc, a.name, a.id
      limit ${limit}`,
  );
}

export async function addAgencyContact(db: Db, actor: TActor, agencyId: string, input: unknown): Promise<void> {
  assertTrainer(actor);
  const contact = parseInput(ZContact, input);
  await agencyOrThrow(db, agencyId);
  await db.insert(agencyContacts).values({ ...contact, agencyId });
}

export async function removeAgencyContact(db: Db, actor: TActor, agencyId: string, contactId: string): Promise<void> {
  assertTrainer(actor);
  if (!isUuid(agencyId) || !isUuid(contactId)) throw notFoundError('Contact');
  const removed = await db
    .delete(agencyContacts)
    .where(and(eq(agencyContacts.id, contactId), eq(agencyContacts.agencyId, agencyId)))
    .returning({ id: agencyContacts.id });
  if (removed.length === 0) throw notFoundError('Contact');
}

export async function addPartnership(db: Db, actor: TActor, agencyId: string, input: unknown): Promise<void> {
  assertTrainer(actor);
  const record = parseInput(ZPartnership, input);
  await agencyOrThrow(db, agencyId);
  await db.insert(partnerships).values({ ...record, agencyId });
}

export async function removePartnership(db: Db, actor: TActor, agencyId: string, partnershipId: string): Promise<void> {
  assertTrainer(actor);
  if (!isUuid(agencyId) || !isUuid(partnershipId)) throw notFoundError('Partnership record');
  const removed = await db
    .delete(partnerships)
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.agencyId, agencyId)))
    .returning({ id: partnerships.id });
  if (removed.length === 0) throw notFoundError('Partnership record');
}

export type TRenewalDue = { agencyId: string; agencyName: string; renewalOn: string; mouStatus: TMouStatus; overdue: boolean };

/** Memoranda whose renewal date falls within `withinDays` (or has passed) and that have not expired. */
export async function listRenewalsDue(db: Db, actor: TActor, withinDays = 60, today = new Date()): Promise<TRenewalDue[]> {
  assertTrainer(actor);
  const horizon = new Date(today.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
  const todayDate = today.toISOString().slice(0, 10);
  const rows = await db
    .select({ agencyId: agencies.id, agencyName: agencies.name, renewalOn: partnerships.renewalOn, mouStatus: partnerships.mouStatus })
    .from(partnerships)
    .innerJoin(agencies, eq(agencies.id, partnerships.agencyId))
    .where(and(lte(partnerships.renewalOn, horizon), ne(partnerships.mouStatus, 'expired'), isNotNull(partnerships.renewalOn)))
    .orderBy(asc(partnerships.renewalOn));
  return rows.map((r) => ({ ...r, renewalOn: r.renewalOn!, overdue: r.renewalOn! < todayDate }));
}
