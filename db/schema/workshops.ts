import { index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const workshopStatus = pgEnum('workshop_status', ['draft', 'published', 'archived']);

export const workshops = pgTable(
  'workshops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    descriptionMarkdown: text('description_markdown').notNull().default(''),
    learningObjectives: jsonb('learning_objectives').$type<string[]>().notNull().default([]),
    audience: text('audience').notNull().default(''),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    durationMinutes: integer('duration_minutes'),
    creditHours: numeric('credit_hours', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    creditCategory: text('credit_category').notNull().default(''),
    /** Partial attendance earns a certificate only from this many hours; null: any recorded hours. */
    minimumCertificateHours: numeric('minimum_certificate_hours', { precision: 5, scale: 2, mode: 'number' }),
    contentNotice: text('content_notice').notNull().default(''),
    /** Shown in confirmation emails and reminders, e.g. "Bring your notebook and ID". */
    whatToBring: text('what_to_bring').notNull().default(''),
    status: workshopStatus('status').notNull().default('draft'),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workshops_status_idx').on(t.status)],
);

export type TWorkshop = typeof workshops.$inferSelect;
export type TWorkshopStatus = (typeof workshopStatus.enumValues)[number];
