import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { outboxRows, wakeForDue } from '@/lib/mail/enqueue';
import { confirmationMessages, type TPlaceSession } from './messages';
import type { TRegistrationInput } from './schemas';
import { matchingAgencyId } from './agency-match';
import { manageTokenFor } from './tokens';

/**
 * The common case, a free seat, in one statement: the conditional seat-counter UPDATE, the
 * registration and its emails (confirmation and reminders) commit together, and the session
 * row is locked only for that one statement and its commit. The emails are written before the
 * statement from the session as it was read; the UPDATE applies only if the session still has
 * that SEQUENCE and those reminder times, so they cannot describe a session that has just moved.
 * Anything else (full, people waiting, a change in between, a cancelled session) answers
 * undefined and the caller takes the general path.
 */
export async function confirmInOneStatement(
  db: Db,
  session: TPlaceSession,
  data: TRegistrationInput,
  now: Date,
): Promise<{ id: string; manageToken: string } | undefined> {
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
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`
      with seat as (
        update training_sessions
           set confirmed_count = confirmed_count + 1
         where id = ${session.id}
           and status = 'scheduled'
           and sequence = ${session.sequence}
           and first_reminder_hours is not distinct from ${session.firstReminderHours}::int
           and second_reminder_hours is not distinct from ${session.secondReminderHours}::int
           and confirmed_count < capacity
           and waitlist_count = 0
        returning id
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
      select id from registration`,
  );
  if (inserted.length === 0) return undefined;
  wakeForDue(rows.map((row) => ({ dueAt: new Date(row.due_at) })));
  return { id, manageToken: token };
}
