import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies';
import { users } from './auth';
import { workshops } from './workshops';

/** `agencies`: listed in the catalogue, but only members of the session's agencies take a seat. */
export const sessionVisibility = pgEnum('session_visibility', ['public', 'unlisted', 'agencies']);
/** Who must approve a self-registration before its place is confirmed. */
export const sessionApproval = pgEnum('session_approval', ['none', 'coordinator', 'trainer']);
export type TSessionApproval = (typeof sessionApproval.enumValues)[number];
export const sessionStatus = pgEnum('session_status', ['scheduled', 'cancelled']);

/** One delivery of a workshop. Named so it never collides with Auth.js's `session` table. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    venueName: text('venue_name').notNull().default(''),
    venueAddress: text('venue_address').notNull().default(''),
    venueDirections: text('venue_directions').notNull().default(''),
    venueAccessibility: text('venue_accessibility').notNull().default(''),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    /** Seats taken, kept by the registration transaction so capacity checks are one statement. */
    confirmedCount: integer('confirmed_count').notNull().default(0),
    waitlistCount: integer('waitlist_count').notNull().default(0),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    minEnrolment: integer('min_enrolment'),
    partnerAgencyId: uuid('partner_agency_id').references(() => agencies.id, { onDelete: 'set null' }),
    visibility: sessionVisibility('visibility').notNull().default('public'),
    /** A registration holds its place for a while and counts only once its email confirms it. */
    requireEmailConfirmation: boolean('require_email_confirmation').notNull().default(false),
    /** Active registrations one client address may hold here; null for no limit. */
    maxRegistrationsPerAddress: integer('max_registrations_per_address').default(10),
    /**
     * When unused seats reserved for agencies (session_allotments) join the open pool; null when
     * the session reserves none. Kept beside the flag below so seat statements read two columns.
     */
    allotmentsReleaseAt: timestamp('allotments_release_at', { withTimezone: true }),
    /** Set once the reserved seats have been released: from then on every seat is open. */
    allotmentsReleasedAt: timestamp('allotments_released_at', { withTimezone: true }),
    /** A self-registration waits for this approver (its place held) before it is confirmed. */
    approval: sessionApproval('approval').notNull().default('none'),
    status: sessionStatus('status').notNull().default('scheduled'),
    /** Calendar SEQUENCE: raised on every change of time, place or status. */
    sequence: integer('sequence').notNull().default(0),
    seriesId: uuid('series_id'),
    /** Hours before the start that each reminder goes to confirmed people; null turns one off. */
    firstReminderHours: integer('first_reminder_hours').default(168),
    secondReminderHours: integer('second_reminder_hours').default(24),
    /** Set when the trainer closes the roster and issues certificates; attendance is then final. */
    rosterClosedAt: timestamp('roster_closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_workshop_idx').on(t.workshopId),
    index('training_sessions_starts_idx').on(t.startsAt),
    index('training_sessions_agency_idx').on(t.partnerAgencyId),
  ],
);

/** The agencies a session with visibility `agencies` is for. */
export const sessionAgencies = pgTable(
  'session_agencies',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.agencyId] }), index('session_agencies_agency_idx').on(t.agencyId)],
);

/**
 * Seats reserved for one agency's members until the session's release date. `taken` counts the
 * places in them (confirmed or held), kept under the session's row lock like confirmed_count.
 */
export const sessionAllotments = pgTable(
  'session_allotments',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    seats: integer('seats').notNull(),
    taken: integer('taken').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.agencyId] }),
    index('session_allotments_agency_idx').on(t.agencyId),
    check('session_allotments_seats_ck', sql`${t.seats} > 0 and ${t.taken} >= 0`),
  ],
);

export const sessionFacilitators = pgTable(
  'session_facilitators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    /** Set for the Muster trainer who runs the session; co-facilitators are names and emails. */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    /**
     * A co-facilitator's own calendar event: the session SEQUENCE their last invite carried; null
     * until they are first invited. Compared with the session's to know who needs an update.
     */
    invitedSequence: integer('invited_sequence'),
  },
  (t) => [index('session_facilitators_session_idx').on(t.sessionId), index('session_facilitators_email_idx').on(sql`lower(${t.email})`)],
);

export type TTrainingSession = typeof trainingSessions.$inferSelect;
