import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRowsPrepared, type Db } from '@/db/client';
import { outboxRows, wakeForDue } from '@/lib/mail/enqueue';
import { rateLimitHitQuery, rateLimitResult, type TRateLimit } from '@/lib/rate-limit/rate-limit';
import { confirmationMessages } from './messages';
import type { TLoadedSession } from './place-session';
import type { TRegistrationInput } from './schemas';
import { matchingAgencyId } from './agency-match';
import { manageTokenFor } from './tokens';

/** A hit to count against a rate-limit key in the same statement. */
export type TRateLimitHit = TRateLimit & { key: string };

export type TOneStatementSeat =
  | { kind: 'confirmed'; id: string; manageToken: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** No seat taken; the rate-limit hit, if one was asked for, is counted. */
  | { kind: 'not_taken' };

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

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
  const rows = outboxRows(confirmationMessages(session, person, 'registered', now), now).map((row) => ({
    id: row.id,
    message_id: row.messageId,
    to_address: row.toAddress,
    subject: row.subject,
    template: row.template,
    props: row.props,
    due_at: row.dueAt.toISOString(),
  }));
  // getSQL(): a query builder placed in sql`` is wrapped in parentheses, which no CTE accepts around an INSERT.
  const hit = rateLimit
    ? rateLimitHitQuery(db, rateLimit.key, rateLimit.windowMs, now).getSQL()
    : sql`select 0 as hits, null::timestamptz as window_start`;
  const [result] = await queryRowsPrepared<{ id: string | null; hits: number; window_start: string | Date | null }>(
    db,
    sql`
      with hit as (${hit}), seat as (
        update training_sessions s
           set confirmed_count = s.confirmed_count + 1
         where s.id = ${session.id}
           and s.status = 'scheduled'
           and s.sequence = ${session.sequence}
           and s.starts_at = ${iso(session.startsAt)}
           and s.ends_at = ${iso(session.endsAt)}
           and s.time_zone = ${session.timeZone}
           and s.venue_name = ${session.venueName}
           and s.venue_address = ${session.venueAddress}
           and s.online_url is not distinct from ${session.onlineUrl}::text
           and s.first_reminder_hours is not distinct from ${session.firstReminderHours}::int
           and s.second_reminder_hours is not distinct from ${session.secondReminderHours}::int
           and s.registration_opens_at <= ${iso(now)}
           and s.registration_closes_at > ${iso(now)}
           and s.starts_at > ${iso(now)}
           and s.confirmed_count < s.capacity
           and s.waitlist_count = 0
           and exists (
             select 1 from workshops w
              where w.id = s.workshop_id
                and w.status = 'published'
                and w.title = ${session.workshopTitle}
                and w.slug = ${session.workshopSlug}
                and w.what_to_bring = ${session.whatToBring})
           and (select hits from hit) <= ${rateLimit?.limit ?? 0}
        returning s.id
      ), registration as (
        insert into registrations
          (id, session_id, name, email, agency, agency_id, badge_number, role, access_needs, status, confirmed_at, manage_token_hash)
        select ${id}::uuid, seat.id, ${data.name}, ${data.email}, ${data.agency}, ${matchingAgencyId(data.agency)},
               ${data.badgeNumber}, ${data.role}, ${data.accessNeeds}, 'confirmed', clock_timestamp(), ${hash}
          from seat
        returning id
      ), mail as (
        insert into mail_outbox (id, message_id, to_address, subject, template, props, due_at, session_id, registration_id)
        select m.id, m.message_id, m.to_address, m.subject, m.template, m.props, m.due_at, seat.id, ${id}::uuid
          from seat,
               jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                 as m(id uuid, message_id text, to_address text, subject text, template text, props jsonb, due_at timestamptz)
      )
      select (select id from registration) as id, hit.hits, hit.window_start from hit`,
  );
  if (result?.id) {
    wakeForDue(rows.map((row) => ({ dueAt: new Date(row.due_at) })));
    return { kind: 'confirmed', id, manageToken: token };
  }
  if (rateLimit && result?.window_start) {
    const verdict = rateLimitResult({ hits: Number(result.hits), windowStart: new Date(result.window_start) }, rateLimit, now);
    if (!verdict.allowed) return { kind: 'rate_limited', retryAfterMs: verdict.retryAfterMs };
  }
  return { kind: 'not_taken' };
}
