import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies';
import { trainingSessions } from './training-sessions';

export const registrationStatus = pgEnum('registration_status', ['confirmed', 'waitlisted', 'pending_approval', 'cancelled']);
export type TRegistrationStatus = (typeof registrationStatus.enumValues)[number];

export const attendanceStatus = pgEnum('attendance_status', ['attended', 'absent', 'partial']);
export type TAttendanceStatus = (typeof attendanceStatus.enumValues)[number];

/** One person's place in one session. Officers register as guests, so there is no user link. */
/** The unique index that keeps one active place per email in a session; a violation means "already registered". */
export const ACTIVE_EMAIL_INDEX = 'registrations_active_email_uq';

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Always lower-cased, so the unique index below compares addresses, not spellings. */
    email: text('email').notNull(),
    /** The agency as the person gave it: shown to trainers, and never a reason to show them to an agency. */
    agency: text('agency').notNull().default(''),
    /**
     * The partner agency the typed name matches: only a claim, listed for that agency's coordinator
     * and the trainers to confirm (the person becomes a member) or reject (cleared). The column
     * keeps its first name, from when this link was trusted.
     */
    claimedAgencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'set null' }),
    /**
     * The agency with seats reserved in this session that the person belonged to when they took
     * their place (by email domain or confirmation), so a reserved seat freed before the release
     * date goes to the first of that agency's people waiting.
     */
    allotmentAgencyId: uuid('allotment_agency_id').references(() => agencies.id, { onDelete: 'set null' }),
    /** The place is one of that agency's reserved seats (counted in session_allotments.taken). */
    inReservedSeat: boolean('in_reserved_seat').notNull().default(false),
    badgeNumber: text('badge_number').notNull().default(''),
    /** Rank or role, e.g. "Detective Sergeant". */
    role: text('role').notNull().default(''),
    accessNeeds: text('access_needs').notNull().default(''),
    status: registrationStatus('status').notNull(),
    /** Orders the waitlist: position is the rank among waitlisted rows by (waitlisted_at, id). */
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** SHA-256 (hex) of the manage token; the token itself is only ever in the person's email. */
    manageTokenHash: text('manage_token_hash').notNull().unique(),
    /**
     * Set while the place waits for its email to confirm it (the session asks for that): the place
     * is held until then and frees after. Nobody is emailed about a held place but its holder.
     */
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** SHA-256 (hex) of the single-use confirmation token, while the place is held. */
    confirmTokenHash: text('confirm_token_hash').unique(),
    /**
     * Set while the place waits for approval (the session asks for it): the place is held, its
     * holder gets no invite and no reminder, and it frees at this time unless decided.
     */
    approvalExpiresAt: timestamp('approval_expires_at', { withTimezone: true }),
    /** SHA-256 (hex) of the single-use token in the approver's Approve / Decline link. */
    approvalTokenHash: text('approval_token_hash').unique(),
    /** The agency whose coordinator decides; null when a trainer does. */
    approverAgencyId: uuid('approver_agency_id').references(() => agencies.id, { onDelete: 'set null' }),
    /** A keyed hash of the client address that registered, to cap places per address; never the address. */
    clientKey: text('client_key'),
    /** Calendar SEQUENCE of this attendee's invite. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    /** Null until the trainer records it at the door or afterwards. */
    attendance: attendanceStatus('attendance'),
    /** Hours attended, for `partial` only; `attended` counts the workshop's credit hours. */
    attendedHours: numeric('attended_hours', { precision: 5, scale: 2, mode: 'number' }),
    attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true }),
    attendanceRecordedBy: text('attendance_recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One email holds at most one active place per session, whatever the requests race to do.
    uniqueIndex(ACTIVE_EMAIL_INDEX).on(t.sessionId, t.email).where(sql`${t.status} <> 'cancelled'`),
    index('registrations_session_status_idx').on(t.sessionId, t.status, t.waitlistedAt),
    index('registrations_email_idx').on(t.email),
    index('registrations_session_client_idx').on(t.sessionId, t.clientKey).where(sql`${t.clientKey} is not null and ${t.status} <> 'cancelled'`),
    index('registrations_hold_idx').on(t.holdExpiresAt).where(sql`${t.holdExpiresAt} is not null`),
    index('registrations_approval_idx').on(t.approvalExpiresAt).where(sql`${t.approvalExpiresAt} is not null`),
  ],
);

export type TRegistration = typeof registrations.$inferSelect;
