import { integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies';

export const userRole = pgEnum('user_role', ['trainer', 'coordinator', 'officer']);
export type TUserRole = (typeof userRole.enumValues)[number];

export const paperSize = pgEnum('paper_size', ['a4', 'letter']);
export type TPaperSize = (typeof paperSize.enumValues)[number];

// Field names follow what @auth/drizzle-adapter reads; SQL names are snake_case.
export const users = pgTable('users', {
  id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('email_verified', { mode: 'date', withTimezone: true }),
  image: text('image'),
  role: userRole('role').notNull().default('officer'),
  /** For coordinators: the one agency whose officers' records they may see. */
  coordinatorAgencyId: uuid('coordinator_agency_id').references(() => agencies.id, { onDelete: 'set null' }),
  /** For trainers: the paper their certificates are printed on. */
  certificatePaper: paperSize('certificate_paper').notNull().default('a4'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** When a trainer took this person's trainer role away: TRAINER_EMAILS never grants it again. */
  trainerRemovedAt: timestamp('trainer_removed_at', { withTimezone: true }),
});

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

// Auth.js's sign-in sessions; training sessions live in `training_sessions`.
export const sessions = pgTable('session', {
  sessionToken: text('session_token').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_token',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type TUser = typeof users.$inferSelect;
