import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { registrations, trainingSessions, type TRegistrationStatus } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { assertSessionStaff } from '@/lib/sessions/session-staff';
import { notFoundError } from '@/lib/errors/app-error';
import { verifiedAgencyOf } from '@/lib/agencies/membership';
import { isUuid } from '@/lib/workshops/workshops';

/** A registration as a trainer's roster shows it. */
export type TRosterEntryDto = {
  id: string;
  name: string;
  email: string;
  /** The agency as the person gave it: text for the trainers, never a membership. */
  agencyAsGiven: string;
  /** The agency the person verifiably belongs to (email domain or confirmed); null otherwise. */
  agencyId: string | null;
  /** The partner agency the typed name matches, while unconfirmed: a claim, not a membership. */
  claimedAgencyId: string | null;
  badgeNumber: string;
  role: string;
  accessNeeds: string;
  status: TRegistrationStatus;
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: number | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  /** Set while the place is held for its email's confirmation: when it frees otherwise. */
  awaitingEmailUntil: string | null;
  /** Set while the place waits for approval: when it frees otherwise. */
  approvalExpiresAt: string | null;
};

/** Place in line (1 = next to get a seat), or null when the registration is not waitlisted. */
export async function waitlistPosition(db: Db, registrationId: string): Promise<number | null> {
  if (!isUuid(registrationId)) return null;
  const ahead = alias(registrations, 'ahead');
  const [row] = await db
    .select({ position: sql<number>`count(${ahead.id})::int` })
    .from(registrations)
    .innerJoin(
      ahead,
      and(
        eq(ahead.sessionId, registrations.sessionId),
        eq(ahead.status, 'waitlisted'),
        sql`(${ahead.waitlistedAt}, ${ahead.id}) <= (${registrations.waitlistedAt}, ${registrations.id})`,
      ),
    )
    .where(and(eq(registrations.id, registrationId), eq(registrations.status, 'waitlisted')));
  const position = Number(row?.position ?? 0);
  return position > 0 ? position : null;
}

/** 0 confirmed, 1 awaiting approval (whatever it holds), 2 waitlisted, 3 cancelled: the roster's sections in order. */
export const statusOrder = sql`case when ${registrations.status} <> 'cancelled' and ${registrations.approvalExpiresAt} is not null then 1
  else case ${registrations.status} when 'confirmed' then 0 when 'pending_approval' then 1 when 'waitlisted' then 2 else 3 end end`;

/**
 * Within a section of the roster: the order people came to be where they are. Only cancelled
 * places have a cancellation time, so that section is in the order people cancelled, whatever
 * they held before; the others go by when they joined the line or got their seat.
 */
export const withinSection = [
  asc(registrations.cancelledAt),
  asc(registrations.waitlistedAt),
  asc(registrations.confirmedAt),
  asc(registrations.createdAt),
  asc(registrations.id),
];

/** A place waiting for approval holds a seat or a waitlist place, and is shown as awaiting approval. */
export function shownStatus(r: { status: TRegistrationStatus; approvalExpiresAt: Date | null }): TRegistrationStatus {
  return r.status !== 'cancelled' && r.approvalExpiresAt ? 'pending_approval' : r.status;
}

/**
 * Everyone in a session, for its trainer or co-facilitators: confirmed, then awaiting approval,
 * the waitlist in order, cancelled last.
 */
export async function listRegistrationsForTrainer(
  db: Db,
  actor: TActor,
  sessionId: string,
  { membership = true }: { membership?: boolean } = {},
): Promise<TRosterEntryDto[]> {
  await assertSessionStaff(db, actor, sessionId);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const [session] = await db.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFoundError('Session');
  const rows = await db
    .select({ r: rosterColumns, verifiedAgencyId: membership ? verifiedAgencyOf(registrations.email) : sql<null>`null` })
    .from(registrations)
    .where(eq(registrations.sessionId, sessionId))
    .orderBy(statusOrder, ...withinSection);
  let position = 0;
  // Counted for everyone in line, pending or not, so each position is the one they hold.
  return rows.map(({ r, verifiedAgencyId }) => toRosterEntry(r, verifiedAgencyId, r.status === 'waitlisted' ? ++position : null));
}

/** The columns of a registration the roster shows. */
export const rosterColumns = {
  id: registrations.id,
  name: registrations.name,
  email: registrations.email,
  agency: registrations.agency,
  claimedAgencyId: registrations.claimedAgencyId,
  badgeNumber: registrations.badgeNumber,
  role: registrations.role,
  accessNeeds: registrations.accessNeeds,
  status: registrations.status,
  approvalExpiresAt: registrations.approvalExpiresAt,
  holdExpiresAt: registrations.holdExpiresAt,
  createdAt: registrations.createdAt,
  confirmedAt: registrations.confirmedAt,
  cancelledAt: registrations.cancelledAt,
};
type TRosterRow = { [K in keyof typeof rosterColumns]: (typeof rosterColumns)[K]['_']['data'] | ((typeof rosterColumns)[K]['_']['notNull'] extends true ? never : null) };

/** A registration row as the roster shows it; `lineNumber` is its place among all waitlisted, shown unless it awaits approval. */
export function toRosterEntry(r: TRosterRow, verifiedAgencyId: string | null, lineNumber: number | null): TRosterEntryDto {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    agencyAsGiven: r.agency,
    agencyId: verifiedAgencyId,
    claimedAgencyId: verifiedAgencyId ? null : r.claimedAgencyId,
    badgeNumber: r.badgeNumber,
    role: r.role,
    accessNeeds: r.accessNeeds,
    status: shownStatus(r),
    waitlistPosition: r.status === 'waitlisted' && !r.approvalExpiresAt ? lineNumber : null,
    approvalExpiresAt: r.approvalExpiresAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    awaitingEmailUntil: r.holdExpiresAt?.toISOString() ?? null,
  };
}
