import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatus = pgEnum('mail_status', ['pending', 'sending', 'sent', 'failed']);

export type TMailPart = {
  contentType: string;
  content: string;
  /** Set to 'base64' when `content` holds binary data (PDFs). */
  encoding?: 'base64';
};
export type TMailAttachment = TMailPart & { filename: string };

/**
 * Mail waiting to be delivered. Rows are written in the same transaction as the change that
 * causes them; `dueAt` lets reminders wait in the same queue until their time comes.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: text('message_id').notNull().unique(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    template: text('template').notNull(),
    props: jsonb('props').$type<Record<string, unknown>>().notNull(),
    alternatives: jsonb('alternatives').$type<TMailPart[]>().notNull().default([]),
    attachments: jsonb('attachments').$type<TMailAttachment[]>().notNull().default([]),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * What the message is about, so mail not yet sent can be withdrawn when that changes
     * (a reminder for a place that was cancelled or a session that moved). No foreign keys:
     * the record of mail sent outlives what it was about.
     */
    sessionId: uuid('session_id'),
    registrationId: uuid('registration_id'),
    /** The certificate a certificate email carries: the worker attaches its stored PDF, and a revocation withdraws the email if it is still unsent. */
    certificateCode: text('certificate_code'),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.dueAt),
    index('mail_outbox_session_idx').on(t.sessionId),
    index('mail_outbox_registration_idx').on(t.registrationId),
    index('mail_outbox_certificate_idx').on(t.certificateCode),
  ],
);

export type TOutboxRow = typeof mailOutbox.$inferSelect;
