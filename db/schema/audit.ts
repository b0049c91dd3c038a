import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Who did what, to whose data, from where: every staff look at personal data and every change
 * of roles, places, attendance and certificates (lib/audit). Rows outlive the people in them:
 * the actor's email is kept beside the id, and sessions and registrations are plain ids.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null only for the operator at the command line. */
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** The training session whose people's data this was, if any. */
    sessionId: uuid('session_id'),
    registrationId: uuid('registration_id'),
    /** Whose data, when it was one person's. */
    personEmail: text('person_email'),
    /** The client address the request came from (see lib/http/client-ip), null outside a request. */
    ipAddress: text('ip_address'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_session_idx').on(t.sessionId, t.id),
    index('audit_log_person_idx').on(t.personEmail, t.id),
    index('audit_log_actor_idx').on(t.actorEmail, t.id),
  ],
);
