import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth';

/**
 * A subscribable calendar: a person's confirmed sessions (by the email they register with) or
 * every session a trainer runs. The secret part of its URL is an HMAC of id and `version`, so
 * nothing secret is stored, the link can be shown again, and raising `version` revokes it.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased; set for a person's feed. */
    ownerEmail: text('owner_email').unique(),
    /** Set for a trainer's feed. */
    userId: text('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_feeds_one_owner', sql`(${t.ownerEmail} is null) <> (${t.userId} is null)`)],
);

export type TCalendarFeed = typeof calendarFeeds.$inferSelect;
