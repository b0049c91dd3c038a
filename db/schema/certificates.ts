import { sql } from 'drizzle-orm';
import { customType, index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { paperSize } from './auth';
import { registrations } from './registrations';
import { trainingSessions } from './training-sessions';

/**
 * Raw bytes. postgres.js reads bytea as a Buffer and PGlite as a Uint8Array; both come out as a
 * plain Uint8Array so callers never depend on the driver.
 */
const bytea = customType<{ data: Uint8Array; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * An attendance certificate. Every printed fact is copied here when it is issued, with the PDF
 * itself, so neither changes when a workshop or session is edited later. Only revocation is ever
 * written afterwards.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 80 random bits in Crockford base32, stored without dashes: 7K2Q9XWD4HPAM3TR. */
    code: text('code').notNull().unique(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'restrict' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'restrict' }),
    holderName: text('holder_name').notNull(),
    holderEmail: text('holder_email').notNull(),
    workshopTitle: text('workshop_title').notNull(),
    sessionStartsAt: timestamp('session_starts_at', { withTimezone: true }).notNull(),
    sessionEndsAt: timestamp('session_ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    hours: numeric('hours', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    creditCategory: text('credit_category').notNull().default(''),
    /** Names, in the session's order, joined for print: "Dr Ana Ruiz, Sam Lee". */
    facilitators: text('facilitators').notNull().default(''),
    partnerAgency: text('partner_agency').notNull().default(''),
    /** The issuing trainer's name as printed. */
    issuer: text('issuer').notNull(),
    issuerId: text('issuer_id'),
    paper: paperSize('paper').notNull().default('a4'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** SHA-256 (hex) of the PDF as issued; an uploaded file matches only if it is exactly that file. */
    pdfSha256: text('pdf_sha256').notNull(),
    /**
     * The PDF exactly as issued. Emails and downloads serve these bytes and never render again: a
     * new APP_URL (printed in the QR code) or a Node upgrade (time-zone names) would change the
     * file, and it would no longer match pdfSha256 when uploaded for verification.
     */
    pdf: bytea('pdf').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** Set when revoked by a reissue: the code that replaces this one. */
    replacedByCode: text('replaced_by_code'),
  },
  (t) => [
    // One valid certificate per registration, however many times issuing runs at once.
    uniqueIndex('certificates_active_registration_uq').on(t.registrationId).where(sql`${t.revokedAt} is null`),
    index('certificates_session_idx').on(t.sessionId),
    index('certificates_holder_email_idx').on(t.holderEmail),
    index('certificates_pdf_sha256_idx').on(t.pdfSha256),
  ],
);

export type TCertificateRow = typeof certificates.$inferSelect;
/** A certificate's record without its PDF: what lists and lookups load (see certificateRecordColumns). */
export type TCertificate = Omit<TCertificateRow, 'pdf'>;
