import { z } from 'zod';

export const agencyKindLabels = {
  police_department: 'Police department',
  sheriffs_office: "Sheriff's office",
  child_protection_service: 'Child protection service',
  school_district: 'School district',
  other: 'Other',
} as const;

export const mouStatusLabels = { proposed: 'Proposed', signed: 'Signed', expired: 'Expired' } as const;

const optionalDate = z
  .union([z.iso.date('Use a date like 2027-01-31.'), z.literal('')])
  .nullable()
  .transform((v) => v || null);

export const ZContact = z.object({
  name: z.string().trim().min(1, 'Give the contact a name.').max(200),
  role: z.string().trim().max(200).default(''),
  email: z.string().trim().toLowerCase().pipe(z.union([z.literal(''), z.email('Enter a complete email address.')])).default(''),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\-.\s]*(ext\.?\s*\d+)?$/i, 'Enter a phone number with digits, spaces, +, ( ), - or ext.')
    .default(''),
});

export const ZPartnership = z
  .object({
    mouStatus: z.enum(['proposed', 'signed', 'expired'], { error: 'Choose proposed, signed or expired.' }),
    signedOn: optionalDate.default(null),
    renewalOn: optionalDate.default(null),
    informationSharingProtocol: z.string().trim().max(20_000).default(''),
    notes: z.string().trim().max(5000).default(''),
  })
  .superRefine((p, ctx) => {
    if (p.mouStatus === 'signed' && !p.signedOn) {
      ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'Give the date the memorandum was signed.' });
    }
    if (p.signedOn && p.renewalOn && p.renewalOn <= p.signedOn) {
      ctx.addIssue({ code: 'custom', path: ['renewalOn'], message: 'Renewal comes after signing.' });
    }
  });

/** Domains anyone can have an address at: none of them can prove who someone works for. */
const OPEN_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com',
  'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.net', 'mail.com', 'yandex.com', 'zoho.com',
  'fastmail.com', 'hey.com', 'tutanota.com', 'example.com',
]);
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An email domain of an agency, like `springfieldpd.gov` (a leading `@` is dropped). */
export const ZEmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ''))
  .superRefine((value, ctx) => {
    if (!DOMAIN.test(value)) {
      ctx.addIssue({ code: 'custom', message: `“${value}” is not a domain: enter the part of the officers’ addresses after the @, like springfieldpd.gov.` });
    } else if (OPEN_MAIL_DOMAINS.has(value)) {
      ctx.addIssue({ code: 'custom', message: `Anyone can have an address at ${value}, so it cannot show who is from the agency.` });
    }
  });

export const ZAgencyFields = z.object({
  name: z.string().trim().min(2, 'Give the agency its name.').max(200),
  kind: z.enum(['police_department', 'sheriffs_office', 'child_protection_service', 'school_district', 'other'], {
    error: 'Choose what kind of agency this is.',
  }),
  units: z.array(z.string().trim().min(1).max(120)).max(30, 'At most 30 units.'),
  /** An address at one of these belongs to the agency: its coordinator sees that person's joint sessions. */
  emailDomains: z
    .array(ZEmailDomain)
    .max(20, 'At most 20 domains.')
    .transform((domains) => [...new Set(domains)]),
  notes: z.string().trim().max(5000),
  contacts: z.array(ZContact).max(50),
  partnerships: z.array(ZPartnership).max(20),
});

export const ZAgencyCreate = ZAgencyFields.partial().required({ name: true, kind: true });
export const ZAgencyPatch = ZAgencyFields.partial();
export type TContactInput = z.infer<typeof ZContact>;
export type TPartnershipInput = z.infer<typeof ZPartnership>;
