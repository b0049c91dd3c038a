import 'server-only';
import { and, asc, eq, gt, isNull, lte, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { agencies, registrations, trainingSessions, workshops, type TRegistrationStatus, type TTrainingSession } from '@/db/schema';
import { venueOf, type TVenueDto } from '@/lib/sessions/dto';
import { waitlistPosition } from './queries';
import { manageLinkExpired, manageTokenFor, openManageLink } from './tokens';

/** Where a session happens, as its own attendee may see it. */
export type TManageSessionDto = {
  id: string;
  workshop: { id: string; slug: string; title: string };
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: 'scheduled' | 'cancelled';
  venue: TVenueDto | null;
  online: boolean;
  /** Only for a confirmed place: the link is for attendees, not for the waitlist. */
  onlineUrl: string | null;
  partnerAgencyName: string | null;
};

/** A session the registration could move to. */
export type TMoveTargetDto = {
  id: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: TVenueDto | null;
  online: boolean;
  seatsLeft: number;
  waitlistCount: number;
  /** A newcomer joins the waitlist: no free seat, or people already waiting for one. */
  waitlistOnly: boolean;
};

export type TManageViewDto = {
  registration: {
    id: string;
    name: string;
    email: string;
    agency: string;
    /**
     * Whether a badge number and access needs were given: the person typed them and may replace
     * them, but the link (forwarded, or read over a shoulder) never shows them back.
     */
    hasBadgeNumber: boolean;
    role: string;
    hasAccessNeeds: boolean;
    status: TRegistrationStatus;
    /** 1 for the first in line; null unless waitlisted. */
    waitlistPosition: number | null;
  };
  session: TManageSessionDto;
  /** The place can still be cancelled or moved: active, and the session is scheduled and still ahead. */
  changeable: boolean;
  moveTargets: TMoveTargetDto[];
};

/** Long enough for any token Muster issues; anything longer is not worth hashing. */

const isActive = (status: TRegistrationStatus) => status !== 'cancelled';

function sessionDto(
  row: TTrainingSession,
  workshop: { id: string; slug: string; title: string },
  partnerAgencyName: string | null,
  confirmed: boolean,
): TManageSessionDto {
  return {
    id: row.id,
    workshop,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    status: row.status,
    venue: venueOf(row),
    online: row.onlineUrl !== null,
    onlineUrl: confirmed ? row.onlineUrl : null,
    partnerAgencyName,
  };
}

/**
 * Other sessions of the same published workshop that take registrations now: scheduled, public,
 * not started, inside their window, and without an active place for this email already (a move
 * there would be refused).
 */
async function listMoveTargets(db: Db, workshopId: string, currentSessionId: string, email: string, now: Date): Promise<TMoveTargetDto[]> {
  const s = trainingSessions;
  const held = alias(registrations, 'held');
  const rows = await db
    .select({ session: s })
    .from(s)
    .innerJoin(workshops, eq(workshops.id, s.workshopId))
    .where(
      and(
        eq(s.workshopId, workshopId),
        ne(s.id, currentSessionId),
        eq(workshops.status, 'published'),
        eq(s.status, 'scheduled'),
        eq(s.visibility, 'public'),
        gt(s.startsAt, now),
        lte(s.registrationOpensAt, now),
        gt(s.registrationClosesAt, now),
        notExists(
          db
            .select({ one: sql`1` })
            .from(held)
            .where(and(eq(held.sessionId, s.id), eq(held.email, email), ne(held.status, 'cancelled'))),
        ),
      ),
    )
    .orderBy(asc(s.startsAt), asc(s.id));
  return rows.map(({ session }) => ({
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    venue: venueOf(session),
    online: session.onlineUrl !== null,
    seatsLeft: Math.max(0, session.capacity - session.confirmedCount),
    waitlistCount: session.waitlistCount,
    waitlistOnly: session.confirmedCount >= session.capacity || session.waitlistCount > 0,
  }));
}

/**
 * What the holder of a manage link sees: the registration, its session and where it could move.
 * Null for a token that matches nothing or has expired (see openManageLink), so a wrong or old
 * link shows no one's data.
 */
export async function getManageView(db: Db, token: string, now = new Date()): Promise<TManageViewDto | null> {
  const link = await openManageLink(db, token, now);
  return link.kind === 'valid' ? getManageViewOf(db, link.registrationId, now) : null;
}

/** The manage view of a registration whose link has been checked. */
export async function getManageViewOf(db: Db, registrationId: string, now = new Date()): Promise<TManageViewDto | null> {
  const [row] = await db
    .select({
      registration: registrations,
      session: trainingSessions,
      workshop: { id: workshops.id, slug: workshops.slug, title: workshops.title },
      agencyName: agencies.name,
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(agencies, eq(agencies.id, trainingSessions.partnerAgencyId))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  const { registration: r, session } = row;
  const changeable = isActive(r.status) && session.status === 'scheduled' && session.startsAt > now;
  const [position, moveTargets] = await Promise.all([
    r.status === 'waitlisted' ? waitlistPosition(db, r.id) : null,
    changeable ? listMoveTargets(db, session.workshopId, session.id, r.email, now) : [],
  ]);
  return {
    registration: {
      id: r.id,
      name: r.name,
      email: r.email,
      agency: r.agency,
      hasBadgeNumber: r.badgeNumber !== '',
      role: r.role,
      hasAccessNeeds: r.accessNeeds !== '',
      status: r.status,
      waitlistPosition: position,
    },
    session: sessionDto(session, row.workshop, row.agencyName, r.status === 'confirmed'),
    changeable,
    moveTargets,
  };
}

/** One line of "My training". */
export type TMyRegistrationDto = {
  id: string;
  status: TRegistrationStatus;
  waitlistPosition: number | null;
  workshopTitle: string;
  sessionId: string;
  sessionStatus: 'scheduled' | 'cancelled';
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: TVenueDto | null;
  online: boolean;
  /** Null once the link has expired, 30 days after the session ended. */
  manageToken: string | null;
};

export type TMyRegistrations = {
  /** Not yet over, soonest first. */
  upcoming: TMyRegistrationDto[];
  /** Over, most recent first. */
  past: TMyRegistrationDto[];
};

/**
 * Every registration made with an email address, for its signed-in owner. Addresses are stored
 * lower-cased, so the one given is lower-cased too. The caller must have verified the address
 * belongs to the person asking (a magic-link sign-in does).
 */
export async function listMyRegistrations(db: Db, email: string, now = new Date()): Promise<TMyRegistrations> {
  const address = email.trim().toLowerCase();
  if (!address) return { upcoming: [], past: [] };
  const rows = await db
    .select({
      registration: {
        id: registrations.id,
        status: registrations.status,
      },
      session: trainingSessions,
      workshopTitle: workshops.title,
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    // A held place is its email's to confirm first, even for someone signed in with that address.
    .where(and(eq(registrations.email, address), isNull(registrations.holdExpiresAt)))
    .orderBy(asc(trainingSessions.startsAt), asc(registrations.createdAt), asc(registrations.id));
  const items = await Promise.all(
    rows.map(async ({ registration: r, session, workshopTitle }): Promise<TMyRegistrationDto> => {
      return {
        id: r.id,
        status: r.status,
        waitlistPosition: r.status === 'waitlisted' ? await waitlistPosition(db, r.id) : null,
        workshopTitle,
        sessionId: session.id,
        sessionStatus: session.status,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timeZone: session.timeZone,
        venue: venueOf(session),
        online: session.onlineUrl !== null,
        manageToken: manageLinkExpired(session.endsAt, now) ? null : manageTokenFor(r.id).token,
      };
    }),
  );
  const isOver = (item: TMyRegistrationDto) => new Date(item.endsAt) <= now;
  return {
    upcoming: items.filter((item) => !isOver(item)),
    past: items.filter(isOver).reverse(),
  };
}

/** Partner agency names, offered as suggestions in the public registration form. */
export async function listAgencyNamesForRegistration(db: Db): Promise<string[]> {
  const rows = await db.select({ name: agencies.name }).from(agencies).orderBy(asc(agencies.name));
  return rows.map((r) => r.name);
}
