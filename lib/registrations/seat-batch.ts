import 'server-only';
import { randomUUID } from 'node:crypto';
import { runStatement, type Db } from '@/db/client';
import { statement } from '@/db/static-statement';
import { wakeForDue } from '@/lib/mail/enqueue';
import { rateLimitResult, type TRateLimit } from '@/lib/rate-limit/rate-limit';
import { AGENCY_ID_OF_PERSON } from './agency-match';
import {
  confirmationPayload,
  SESSION_AS_REMEMBERED,
  sessionAsRememberedValues,
  type TGuardName,
  type TOneStatementSeat,
} from './one-statement-seat';
import type { TLoadedSession } from './place-session';
import type { TRegistrationInput } from './schemas';
import { manageTokenFor } from './tokens';

type TBatchRow = { i: number; confirmed: boolean; position: number | null; window_start: string | Date | null };

/**
 * Several people's free seats in one statement: each person's rate-limit hit (in the order given,
 * so the first ones within the limit get through), then the seat counter raised by the number
 * allowed (only if all of them fit), their registrations and their emails. Under the same
 * conditions as confirmInOneStatement; the session row is locked once for all of them.
 */
const SEATS = statement<TGuardName | 'people' | 'expired' | 'hitLimit', TBatchRow>`
  with people as (
    select * from jsonb_to_recordset(${'people'}::jsonb) as p(
      i int, id uuid, rate_key text, name text, email text, agency text, badge_number text, role text,
      access_needs text, manage_token_hash text, shared jsonb, mail jsonb)
  ), hit as (
    insert into rate_limit_buckets as b (key, window_start, hits)
    select p.rate_key, ${'now'}::timestamptz, count(*)::int from people p where p.rate_key is not null group by p.rate_key
    on conflict (key) do update
       set hits = case when b.window_start <= ${'expired'}::timestamptz then excluded.hits else b.hits + excluded.hits end,
           window_start = case when b.window_start <= ${'expired'}::timestamptz then ${'now'}::timestamptz else b.window_start end
    returning key, hits, window_start
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
      (id, session_id, name, email, agency, agency_id, badge_number, role, access_needs, status, confirmed_at, manage_token_hash)
    select a.id, seat.id, a.name, a.email, a.agency, ${AGENCY_ID_OF_PERSON}, a.badge_number, a.role, a.access_needs,
           'confirmed', clock_timestamp(), a.manage_token_hash
      from allowed a, seat
    returning id
  ), mail as (
    insert into mail_outbox (id, message_id, to_address, subject, template, props, due_at, session_id, registration_id)
    select m.id, m.message_id, m.to_address, m.subject, m.template, a.shared || m.props, m.due_at, seat.id, a.id
      from seat, allowed a,
           jsonb_to_recordset(a.mail)
             as m(id uuid, message_id text, to_address text, subject text, template text, props jsonb, due_at timestamptz)
  )
  select r.i, r.id in (select id from registration) as confirmed, r.position::int as position, r.window_start
    from ranked r order by r.i`;

/**
 * Free seats for several people registering for one remembered session at once, one statement
 * for all. Everyone's hit counts against `rule` when they carry a key; a person over the limit
 * gets `rate_limited`. When the seats are not all free, or the session changed, nobody gets one
 * here (`not_taken`) and each takes the general path. A second active place for any email fails
 * the whole statement on the unique index, for the caller to sort out one by one.
 */
export async function confirmManyInOneStatement(
  db: Db,
  session: TLoadedSession,
  people: readonly { data: TRegistrationInput; rateKey?: string }[],
  now: Date,
  rule: TRateLimit | undefined,
): Promise<TOneStatementSeat[]> {
  const prepared = people.map(({ data, rateKey }, i) => {
    const id = randomUUID();
    const { token, hash } = manageTokenFor(id);
    const { shared, rows, dueAt } = confirmationPayload(session, { id, name: data.name, email: data.email, calendarSequence: 0 }, now);
    const row = {
      i,
      id,
      rate_key: rateKey ?? null,
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
    expired: new Date(now.getTime() - (rule?.windowMs ?? 0)).toISOString(),
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
