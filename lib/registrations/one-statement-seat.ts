import 'server-only';
import { randomUUID } from 'node:crypto';
import { runStatement, type Db } from '@/db/client';
import { statement, type TStatement } from '@/db/static-statement';
import { outboxRows, wakeForDue } from '@/lib/mail/enqueue';
import { splitSharedProps } from '@/lib/mail/shared-props';
import { RATE_LIMIT_HIT, rateLimitHitValues, rateLimitResult, type TRateLimit } from '@/lib/rate-limit/rate-limit';
import { confirmationMessages, type TPlacePerson } from './messages';
import type { TLoadedSession } from './place-session';
import type { TRegistrationInput } from './schemas';
import { MATCHING_AGENCY_ID } from './agency-match';
import { manageTokenFor } from './tokens';

/** A hit to count against a rate-limit key in the same statement. */
export type TRateLimitHit = TRateLimit & { key: string };

export type TOneStatementSeat =
  | { kind: 'confirmed'; id: string; manageToken: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** No seat taken; the rate-limit hit, if one was asked for, is counted. */
  | { kind: 'not_taken' };

export type TGuardName =
  | 'now' | 'sessionId' | 'sequence' | 'startsAt' | 'endsAt' | 'timeZone' | 'venueName' | 'venueAddress' | 'onlineUrl'
  | 'firstReminderHours' | 'secondReminderHours' | 'workshopTitle' | 'workshopSlug' | 'whatToBring';

type TName =
  | TGuardName | 'rateKey' | 'expired' | 'hitLimit'
  | 'id' | 'name' | 'email' | 'agency' | 'badgeNumber' | 'role' | 'accessNeeds' | 'manageTokenHash' | 'mail';

/**
 * The conditions on the session row `s` under which emails written from `session` still describe
 * it: the same time, zone, place, SEQUENCE, reminders, title, slug and what to bring; registration
 * open at `now`; scheduled, published, and nobody waiting (so no seat jumps the waitlist).
 */
export const SESSION_AS_REMEMBERED = statement<TGuardName>`s.id = ${'sessionId'}::uuid
         and s.status = 'scheduled'
         and s.sequence = ${'sequence'}::int
         and s.starts_at = ${'startsAt'}::timestamptz
         and s.ends_at = ${'endsAt'}::timestamptz
         and s.time_zone = ${'timeZone'}::text
         and s.venue_name = ${'venueName'}::text
         and s.venue_address = ${'venueAddress'}::text
         and s.online_url is not distinct from ${'onlineUrl'}::text
         and s.first_reminder_hours is not distinct from ${'firstReminderHours'}::int
         and s.second_reminder_hours is not distinct from ${'secondReminderHours'}::int
         and s.registration_opens_at <= ${'now'}::timestamptz
         and s.registration_closes_at > ${'now'}::timestamptz
         and s.starts_at > ${'now'}::timestamptz
         and s.waitlist_count = 0
         and exists (
           select 1 from workshops w
            where w.id = s.workshop_id
              and w.status = 'published'
              and w.title = ${'workshopTitle'}::text
              and w.slug = ${'workshopSlug'}::text
              and w.what_to_bring = ${'whatToBring'}::text)`;

export function sessionAsRememberedValues(session: TLoadedSession, now: Date): Record<TGuardName, unknown> {
  return {
    now: now.toISOString(),
    sessionId: session.id,
    sequence: session.sequence,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    venueName: session.venueName,
    venueAddress: session.venueAddress,
    onlineUrl: session.onlineUrl,
    firstReminderHours: session.firstReminderHours,
    secondReminderHours: session.secondReminderHours,
    workshopTitle: session.workshopTitle,
    workshopSlug: session.workshopSlug,
    whatToBring: session.whatToBring,
  };
}

/** A newly confirmed person's outbox rows (confirmation and reminders), shared props apart. */
export function confirmationPayload(session: TLoadedSession, person: TPlacePerson, now: Date) {
  const rows = outboxRows(confirmationMessages(session, person, 'registered', now), now).map((row) => ({
    id: row.id,
    message_id: row.messageId,
    to_address: row.toAddress,
    subject: row.subject,
    template: row.template,
    props: row.props,
    due_at: row.dueAt.toISOString(),
  }));
  return { ...splitSharedProps(rows), dueAt: rows.map((row) => ({ dueAt: new Date(row.due_at) })) };
}

type TSeatRow = { id: string | null; hits: number; window_start: string | Date | null };

const NO_HIT = statement<TName>`select 0 as hits, null::timestamptz as window_start`;

function seatStatement(hit: TStatement<TName>) {
  return statement<TName, TSeatRow>`
    with hit as (${hit}), seat as (
      update training_sessions s
         set confirmed_count = s.confirmed_count + 1
       where ${SESSION_AS_REMEMBERED}
         and s.confirmed_count < s.capacity
         and (select hits from hit) <= ${'hitLimit'}::int
      returning s.id
    ), registration as (
      insert into registrations
        (id, session_id, name, email, agency, agency_id, badge_number, role, access_needs, status, confirmed_at, manage_token_hash)
      select ${'id'}::uuid, seat.id, ${'name'}::text, ${'email'}::text, ${'agency'}::text,
             ${MATCHING_AGENCY_ID},
             ${'badgeNumber'}::text, ${'role'}::text, ${'accessNeeds'}::text, 'confirmed', clock_timestamp(), ${'manageTokenHash'}::text
        from seat
      returning id
    ), mail as (
      insert into mail_outbox (id, message_id, to_address, subject, template, props, due_at, session_id, registration_id)
      select m.id, m.message_id, m.to_address, m.subject, m.template, p.mail->'shared' || m.props, m.due_at, seat.id, ${'id'}::uuid
        from seat,
             (select ${'mail'}::jsonb as mail) p,
             jsonb_to_recordset(p.mail->'rows')
               as m(id uuid, message_id text, to_address text, subject text, template text, props jsonb, due_at timestamptz)
    )
    select (select id from registration) as id, hit.hits, hit.window_start from hit`;
}

// Fixed once: a registration only fills in the values.
const SEAT_COUNTING_HIT = seatStatement(RATE_LIMIT_HIT);
const SEAT = seatStatement(NO_HIT);

/**
 * The common case, a free seat, in one statement and one round trip: the rate-limit hit, the
 * conditional seat-counter UPDATE, the registration and its emails (confirmation and reminders)
 * commit together, and the session row is locked only for that statement and its commit.
 *
 * The emails are written beforehand from `session` as it was read, possibly some time ago. The
 * UPDATE applies only if the session and its workshop still say exactly that (time, zone, place,
 * title, what to bring, SEQUENCE, reminder times), registration is open at `now`, the workshop is
 * published, a seat is free and nobody is waiting; so no email can describe a session that has
 * changed. Anything else answers `not_taken` and the caller takes the general path. A second
 * active place for the same email fails the whole statement on the unique index.
 */
export async function confirmInOneStatement(
  db: Db,
  session: TLoadedSession,
  data: TRegistrationInput,
  now: Date,
  rateLimit?: TRateLimitHit,
): Promise<TOneStatementSeat> {
  const id = randomUUID();
  const { token, hash } = manageTokenFor(id);
  const person = { id, name: data.name, email: data.email, calendarSequence: 0 };
  const { shared, rows, dueAt } = confirmationPayload(session, person, now);
  const values = {
    ...(rateLimit ? rateLimitHitValues(rateLimit.key, rateLimit.windowMs, now) : { rateKey: null, expired: null }),
    ...sessionAsRememberedValues(session, now),
    hitLimit: rateLimit?.limit ?? 0,
    id,
    name: data.name,
    email: data.email,
    agency: data.agency,
    badgeNumber: data.badgeNumber,
    role: data.role,
    accessNeeds: data.accessNeeds,
    manageTokenHash: hash,
    mail: JSON.stringify({ shared, rows }),
  };
  const [result] = await runStatement(db, rateLimit ? SEAT_COUNTING_HIT : SEAT, values);
  if (result?.id) {
    wakeForDue(dueAt);
    return { kind: 'confirmed', id, manageToken: token };
  }
  if (rateLimit && result?.window_start) {
    const verdict = rateLimitResult({ hits: Number(result.hits), windowStart: new Date(result.window_start) }, rateLimit, now);
    if (!verdict.allowed) return { kind: 'rate_limited', retryAfterMs: verdict.retryAfterMs };
  }
  return { kind: 'not_taken' };
}
