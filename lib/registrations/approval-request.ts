import 'server-only';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, registrations, sessionFacilitators, users } from '@/db/schema';
import { verifiedAgencyOf } from '@/lib/agencies/membership';
import { getEnv } from '@/lib/config/env';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { formatInstant, formatSessionRange } from '@/lib/time/zoned';
import { manageUrlOf, type TPlaceSession } from './messages';
import { waitlistPosition } from './queries';
import { newSingleUseToken } from './tokens';
import { reservesSeats } from './seating/allotments';

/** How long a place waits for its approver before it goes back to others. */
export const APPROVAL_MS = 72 * 3_600_000;
export const MAX_APPROVAL_TOKEN_LENGTH = 100;

/**
 * A request for approval: the token for the approver's link (its hash is stored), until when, and
 * who decides: the agency (null for the trainer), its name, and the approvers' addresses.
 */
export type TApproval = { token: string; hash: string; expiresAt: Date; agencyId: string | null; agencyName: string | null; approvers: string[] };

export function decideUrlFor(token: string): string {
  return `${getEnv().APP_URL.replace(/\/+$/, '')}/approvals/${encodeURIComponent(token)}`;
}

/** Whether a self-registration in this session waits for approval (a trainer's or a coordinator's never does). */
export function needsApproval(session: { approval: 'none' | 'coordinator' | 'trainer' }, byTrainer: boolean): boolean {
  return session.approval !== 'none' && !byTrainer;
}

/**
 * Who decides and until when. With approval by the coordinator, the officer's agency decides
 * (the agency of their reserved seat, else the one their address verifiably belongs to) when it
 * has a coordinator; otherwise the trainer does. The wait lasts 72 hours, never past the start
 * nor past the release of the reserved seats.
 */
export async function newApproval(
  tx: Db,
  session: TPlaceSession & { approval: 'none' | 'coordinator' | 'trainer'; allotmentsReleaseAt: Date | null; allotmentsReleasedAt: Date | null },
  person: { email: string; allotmentAgencyId: string | null },
  now: Date,
): Promise<TApproval> {
  const decider = session.approval === 'coordinator' ? await deciderAgency(tx, person) : undefined;
  const limits = [now.getTime() + APPROVAL_MS, session.startsAt.getTime()];
  if (reservesSeats(session) && session.allotmentsReleaseAt) limits.push(session.allotmentsReleaseAt.getTime());
  return {
    ...newSingleUseToken(),
    expiresAt: new Date(Math.max(now.getTime() + 60_000, Math.min(...limits))),
    agencyId: decider?.id ?? null,
    agencyName: decider?.name ?? null,
    approvers: decider?.coordinators ?? (await trainerEmails(tx, session.id)),
  };
}

/** The officer's agency when it has a coordinator to decide: that of their reserved seat, else the one their address belongs to. */
async function deciderAgency(tx: Db, person: { email: string; allotmentAgencyId: string | null }) {
  const [row] = await tx
    .select({ name: agencies.name, id: agencies.id })
    .from(agencies)
    .where(eq(agencies.id, person.allotmentAgencyId ? sql`${person.allotmentAgencyId}::uuid` : verifiedAgencyOf(sql`${person.email}::text`)));
  if (!row) return undefined;
  const coordinators = await coordinatorEmails(tx, row.id);
  return coordinators.length > 0 ? { ...row, coordinators } : undefined;
}

async function coordinatorEmails(tx: Db, agencyId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'coordinator'), eq(users.coordinatorAgencyId, agencyId)));
  return rows.map((row) => row.email);
}

async function trainerEmails(tx: Db, sessionId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(sessionFacilitators)
    .innerJoin(users, eq(users.id, sessionFacilitators.userId))
    .where(and(eq(sessionFacilitators.sessionId, sessionId), isNotNull(sessionFacilitators.userId)));
  if (rows.length > 0) return rows.map((row) => row.email);
  const trainers = await tx.select({ email: users.email }).from(users).where(eq(users.role, 'trainer')).orderBy(asc(users.createdAt)).limit(1);
  return trainers.map((row) => row.email);
}

/** Who decides, in plain words for the officer. */
export function approverText(agencyName: string | null | undefined): string {
  return agencyName ? `your coordinator at ${agencyName}` : 'the trainer';
}

/** Who decides a stored request, in plain words for the officer. */
export async function approverWords(tx: Db, agencyId: string | null): Promise<string> {
  if (!agencyId) return approverText(null);
  const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  return approverText(agency?.name);
}

/** The emails of a new request: the officer hears their place is held, each approver gets the decide link. */
export function approvalMessages(
  session: TPlaceSession,
  person: { id: string; name: string; email: string },
  approval: TApproval,
  position: number | null,
): TMailMessage[] {
  const when = formatSessionRange(session.startsAt, session.endsAt, session.timeZone);
  const decideBy = formatInstant(approval.expiresAt, session.timeZone);
  const about = { sessionId: session.id, registrationId: person.id };
  return [
    {
      to: person.email,
      ...about,
      template: 'registration-pending',
      props: {
        name: person.name,
        workshopTitle: session.workshopTitle,
        when,
        approver: approverText(approval.agencyName),
        decideBy,
        waitlistPosition: position,
        manageUrl: manageUrlOf(person),
      },
    },
    ...approval.approvers.map((to) => ({
      to,
      ...about,
      template: 'approval-requested' as const,
      props: {
        officerName: person.name,
        officerEmail: person.email,
        agencyName: approval.agencyName,
        workshopTitle: session.workshopTitle,
        when,
        decideBy,
        decideUrl: decideUrlFor(approval.token),
      },
    })),
  ];
}

/** Puts a place already taken (a held place just confirmed by email) in wait for approval, with its emails. */
export async function requestApproval(
  tx: Db,
  session: Parameters<typeof newApproval>[1],
  person: { id: string; name: string; email: string; allotmentAgencyId: string | null; status: string },
  now: Date,
): Promise<void> {
  const approval = await newApproval(tx, session, person, now);
  await tx
    .update(registrations)
    .set({ approvalExpiresAt: approval.expiresAt, approvalTokenHash: approval.hash, approverAgencyId: approval.agencyId, updatedAt: sql`now()` })
    .where(eq(registrations.id, person.id));
  const position = person.status === 'waitlisted' ? ((await waitlistPosition(tx, person.id)) ?? 1) : null;
  await enqueueMails(tx, approvalMessages(session, person, approval, position));
}

