import { date, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const agencyKind = pgEnum('agency_kind', [
  'police_department',
  'sheriffs_office',
  'child_protection_service',
  'school_district',
  'other',
]);
export const mouStatus = pgEnum('mou_status', ['proposed', 'signed', 'expired']);

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: agencyKind('kind').notNull(),
  units: jsonb('units').$type<string[]>().notNull().default([]),
  /** Lower case, like `springfieldpd.gov`: an address at one of them belongs to the agency. */
  emailDomains: jsonb('email_domains').$type<string[]>().notNull().default([]),
  notes: text('notes').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each of an agency's email domains as a row of its own, kept by a trigger from
 * agencies.email_domains (migration 0015), so "which agency has this address's domain" is one
 * index lookup instead of a scan of every agency's list.
 */
export const agencyEmailDomains = pgTable(
  'agency_email_domains',
  {
    domain: text('domain').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.domain, t.agencyId] }), index('agency_email_domains_agency_idx').on(t.agencyId)],
);

export const agencyContacts = pgTable(
  'agency_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
  },
  (t) => [index('agency_contacts_agency_idx').on(t.agencyId)],
);

/** A memorandum of understanding with a partner agency, and the protocol it agrees. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    mouStatus: mouStatus('mou_status').notNull(),
    signedOn: date('signed_on'),
    renewalOn: date('renewal_on'),
    informationSharingProtocol: text('information_sharing_protocol').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnerships_agency_idx').on(t.agencyId), index('partnerships_renewal_idx').on(t.renewalOn)],
);

export const agencyMemberSource = pgEnum('agency_member_source', ['confirmed', 'nominated']);

/**
 * People who belong to an agency without an address at its domains: confirmed by its coordinator
 * or a trainer, or nominated by the coordinator. Keyed by email, as registrations are.
 */
export const agencyMembers = pgTable(
  'agency_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    source: agencyMemberSource('source').notNull(),
    /** The user who confirmed or nominated them. */
    addedBy: text('added_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agency_members_agency_email_uq').on(t.agencyId, t.email), index('agency_members_email_idx').on(t.email)],
);

export type TAgency = typeof agencies.$inferSelect;
export type TAgencyKind = (typeof agencyKind.enumValues)[number];
export type TMouStatus = (typeof mouStatus.enumValues)[number];
