import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Kept in the database, not in memory, so every app instance counts against the same limit.
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
