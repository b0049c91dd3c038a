import 'server-only';
import { randomUUID } from 'node:crypto';
import { runStatement, type Db } from '@/db/client';
import { statement } from '@/db/static-statement';
import { wakeForDue } from '@/lib/mail/enqueue';
import { OUTBOX_INSERT_COLUMNS, OUTBOX_JSON_RECORD, outboxJsonRows } from '@/lib/mail/outbox-statement';
import { RATE_LIMIT_COUNT_HITS, rateLimitResult, rateLimitWindow, type TRateLimit } from '@/lib/rate-limit/rate-limit';
import { AGENCY_ID_OF_PERSON } from '../agency-match';
import { confirmationMessages, type TPlacePerson } from '../messages';
import type { TLoadedSession } from '../place-session';
import type { TRegistrationInput } from '../schemas';
import { manageTokenFor } from '../tokens';

/** A hit to count against a rate-limit key in the same statement. */
export type TRateLimitHit = TRateLimit & { key: string };

export type TOneStatementSeat =
  | { kind: 'confirmed'; id: string; manageToken: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** No seat taken; the rate-limit hit, if one was asked for, is counted. */
  | { kind: 'not_taken' };

type TGuardName =
  | 'now' | 'sessionId' | 'sequence' | 'startsAt' | 'endsAt' | 'timeZone' | 'venueName' | 'venueAddress' | 'onlineUrl'
  | 'firstReminderHours' | 'secondReminderHours' | 'workshopTitle' | 'workshopSlug' | 'whatToBring' | 'addressLimit';

/**
 * The conditions on the session row `s` under which emails written from `session` still describe
 * it: the same time, zone, place, SEQUENCE, reminders, title, slug and what to bring; registration
 * open at `now`; scheduled, published, and nobody waiting (so no seat jumps the waitlist); no
 * confirmation by email (a held place has other emails), open to anyone (not for agencies) and the same per-address limit (the
 * statement is only for sessions without one, or for trainers; see takesOneStatement).
 */
const SESSION_AS_REMEMBERED = statement<TGuardName>`s.id = ${'sessionId'}::uuid
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
         and not s.require_email_confirmation
         and s.visibility <> 'agencies'
         and s.allotments_release_at is null
         and s.approval = 'none'
         and s.max_registrations_per_address is not distinct from ${'addressLimit'}::int
         and exists (
           select 1 from workshops w
            where w.id = s.workshop_id
              and w.status = 'published'
              and w.title = ${'workshopTitle'}::text
              and w.slug = ${'workshopSlug'}::text
              and w.what_to_bring = ${'whatToBring'}::text)`;

function sessionAsRememberedValues(session: TLoadedSession, now: Date): Record<TGuardName, unknown> {
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
    addressLimit: session.maxRegistrationsPerAddress,
  };
}

/** A newly confirmed person's outbox rows (confirmation and reminders), shared props apart. */
function confirmationPayload(session: TLoadedSession, person: TPlacePerson, now: Date) {
  return outboxJsonRows(confirmationMessages(session, person, 'registered', now), now);
}

type TBatchRow = { i: number; confirmed: boolean; position: number | null; window_start: string | Date | null };

/**
 * Free seats in one statement and one round trip: each person's rate-limit hit (in the order
 * given, so the first ones within the limit get through), then the seat counter raised by the
 * number allowed (only if all of them fit), their registrations and their emails, committed
 * together; the session row is locked only for that statement and its commit.
 *
 * The emails are written beforehand from the remembered session, possibly read some time ago.
 * The UPDATE applies only under SESSION_AS_REMEMBERED, so no email can describe a session that has
 * changed; any other outcome leaves the seats to the general path.
 */
const SEATS = statement<TGuardName | 'people' | 'expired' | 'hitLimit', TBatchRow>`
  with people as (
    select * from jsonb_to_recordset(${'people'}::jsonb) as p(
      i int, id uuid, rate_key text, client_key text, name text, email text, agency text, badge_number text, role text,
      access_needs text, manage_token_hash text, shared jsonb, mail jsonb)
  ), rate_limit_hits as (
    select p.rate_key from people p
  ), hit as (
    ${RATE_LIMIT_COUNT_HITS}
  ), ranked as (
    select p.*, h.window_start,
           h.hits - count(*) over (partition by p.rate_key) + row_number() over (partition by p.rate_key order by p.i) as position
      from people p left join hit h on h.key = p.rate_key
  ), allowed as (
    select * from ranked where rate_key is null or position <= ${'hitLimit'}::int
  ), seat as (
    update training_sessions s
       set confirmed_count = s.confirmed_count + (select count(*) from allowed)
     where ${SESSION_AS_REMEMBERED}
       and s.confirmed_count + (select count(*) from allowed) <= s.capacity
       and exists (select 1 from allowed)
    returning s.id
  ), registration as (
    insert into registrations
      (id, session_id, name, email, agency, agency_id, badge_number, role, access_needs, status, confirmed_at, manage_token_hash, client_key)
    select a.id, seat.id, a.name, a.email, a.agency, ${AGENCY_ID_OF_PERSON}, a.badge_number, a.role, a.access_needs,
           'confirmed', clock_timestamp(), a.manage_token_hash, a.client_key
      from allowed a, seat
    returning id
  ), mail as (
    insert into ${OUTBOX_INSERT_COLUMNS}
    select m.id, m.message_id, m.to_address, m.subject, m.template, a.shared || m.props, m.due_at, seat.id, a.id
      from seat, allowed a, jsonb_to_recordset(a.mail) as ${OUTBOX_JSON_RECORD}
  )
  select r.i, r.id in (select id from registration) as confirmed, r.position::int as position, r.window_start
    from ranked r order by r.i`;

/**
 * Free seats for people registering for one remembered session, one statement for all of them.
 * Everyone's hit counts against `rule` when they carry a key; a person over the limit
 * gets `rate_limited`. When the seats are not all free, or the session changed, nobody gets one
 * here (`not_taken`) and each takes the general path. A second active place for any email fails
 * the whole statement on the unique index, for the caller to sort out one by one.
 */
export async function confirmManyInOneStatement(
  db: Db,
  session: TLoadedSession,
  people: readonly { data: TRegistrationInput; rateKey?: string; clientKey?: string }[],
  now: Date,
  rule: TRateLimit | undefined,
): Promise<TOneStatementSeat[]> {
  const prepared = people.map(({ data, rateKey, clientKey }, i) => {
    const id = randomUUID();
    const { token, hash } = manageTokenFor(id);
    const { shared, rows, dueAt } = confirmationPayload(session, { id, name: data.name, email: data.email, calendarSequence: 0 }, now);
    const row = {
      i,
      id,
      rate_key: rateKey ?? null,
      client_key: clientKey ?? null,
      name: data.name,
      email: data.email,
      agency: data.agency,
      badge_number: data.badgeNumber,
      role: data.role,
      access_needs: data.accessNeeds,
      manage_token_hash: hash,
      shared,
      mail: rows,
    };
    return { id, token, dueAt, row };
  });
  const results = await runStatement(db, SEATS, {
    ...sessionAsRememberedValues(session, now),
    ...rateLimitWindow(rule?.windowMs ?? 0, now),
    hitLimit: rule?.limit ?? 0,
    people: JSON.stringify(prepared.map(({ row }) => row)),
  });
  return prepared.map(({ id, token, dueAt }, i): TOneStatementSeat => {
    const result = results.find((row) => Number(row.i) === i);
    if (result?.confirmed) {
      wakeForDue(dueAt);
      return { kind: 'confirmed', id, manageToken: token };
    }
    if (rule && people[i]!.rateKey && result?.window_start && result.position !== null) {
      const verdict = rateLimitResult({ hits: Number(result.position), windowStart: new Date(result.window_start) }, rule, now);
      if (!verdict.allowed) return { kind: 'rate_limited', retryAfterMs: verdict.retryAfterMs };
    }
    return { kind: 'not_taken' };
  });
}

/** One person's free seat: confirmManyInOneStatement for one, with their rate-limit hit if any. */
export async function confirmInOneStatement(
  db: Db,
  session: TLoadedSession,
  data: TRegistrationInput,
  now: Date,
  rateLimit?: TRateLimitHit,
  clientKey?: string,
): Promise<TOneStatementSeat> {
  const [seat] = await confirmManyInOneStatement(db, session, [{ data, rateKey: rateLimit?.key, clientKey }], now, rateLimit);
  return seat!;
}
