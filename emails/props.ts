import { z } from 'zod';
import type { TInviteSpec } from '@/lib/calendar/invite-spec';

/**
 * What each email needs to be written, checked when it is queued: a message that could not be
 * rendered later is refused inside the transaction that wanted it, not found by the worker.
 * Everything is already in words ("Tue 3 Mar, 09:00–12:00 CST"), so templates only lay it out.
 */

const zInvite = z.strictObject({
  method: z.enum(['REQUEST', 'CANCEL']),
  uid: z.string().min(1),
  sequence: z.number().int().nonnegative(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  title: z.string(),
  description: z.string(),
  location: z.string(),
  url: z.string().optional(),
  attendee: z.strictObject({ name: z.string(), email: z.string() }),
}) satisfies z.ZodType<TInviteSpec>;

const person = { name: z.string(), workshopTitle: z.string(), when: z.string() };

/** The facts every email about a place repeats. */
const place = {
  ...person,
  where: z.string(),
  manageUrl: z.string(),
  sessionUrl: z.string(),
  onlineUrl: z.string().nullable().optional(),
  whatToBring: z.string().optional(),
  invite: zInvite.optional(),
};

export const mailProps = {
  'sign-in': z.strictObject({ url: z.string(), email: z.string(), expiresInMinutes: z.number() }),
  'registration-confirmed': z.strictObject({
    ...place,
    /** Why the place was confirmed: a new registration, a place freed on the waitlist, or a move. */
    reason: z.enum(['registered', 'promoted', 'moved']).optional(),
    /** The agency whose coordinator registered the person, when it was not the person. */
    nominatedBy: z.string().optional(),
    /** The registration's check-in link; its QR code travels as an inline image. */
    checkInUrl: z.string().optional(),
  }),
  'registration-waitlisted': z.strictObject({ ...person, position: z.number().int().positive(), manageUrl: z.string() }),
  'registration-cancelled': z.strictObject({
    ...person,
    sessionUrl: z.string(),
    /** Who ended the place: the person, a trainer, a move, an agency, or an approval that was declined or lapsed. */
    by: z.enum(['self', 'trainer', 'moved', 'agency', 'declined', 'expired']),
    agencyName: z.string().optional(),
    /** Who declined, in plain words ("your coordinator at Springfield PD"). */
    approver: z.string().optional(),
    /** A confirmed place had an invite to withdraw; a waitlist place had none. */
    wasConfirmed: z.boolean(),
    reason: z.string().optional(),
    invite: zInvite.optional(),
  }),
  'registration-manage-link': z.strictObject({ ...person, manageUrl: z.string() }),
  'registration-confirm-place': z.strictObject({
    ...person,
    heldUntil: z.string(),
    /** The waitlist number held, or null for a seat. */
    waitlistPosition: z.number().int().positive().nullable(),
    confirmUrl: z.string(),
  }),
  'session-reminder': z.strictObject({ ...place, leadTime: z.string() }),
  'session-changed': z.strictObject({ ...place, previousWhen: z.string(), previousWhere: z.string() }),
  'session-cancelled': z.strictObject({
    ...person,
    /** The workshop page, where other dates are listed. */
    workshopUrl: z.string(),
    message: z.string().optional(),
    invite: zInvite.optional(),
  }),
  'session-announcement': z.strictObject({
    ...person,
    subject: z.string(),
    /** Plain text from the trainer; line breaks are kept. */
    message: z.string(),
    sessionUrl: z.string(),
    manageUrl: z.string(),
  }),
  'certificate-issued': z.strictObject({
    name: z.string(),
    workshopTitle: z.string(),
    when: z.string(),
    hours: z.number().nonnegative(),
    creditCategory: z.string(),
    /** As printed, in groups: 7K2Q-9XWD-4HPA-M3TR. */
    code: z.string(),
    verifyUrl: z.string(),
    myTrainingUrl: z.string(),
    /** When this certificate corrects an earlier one: that one's code, now revoked. */
    replacesCode: z.string().optional(),
    /** Who facilitated the session, as printed ("Dr. Maya Okafor, Sgt. Dana Whitfield"). */
    facilitators: z.string().optional(),
    /** A joint session's partner agency, the certificate's co-provider. */
    partnerAgency: z.string().optional(),
  }),
  'partner-session-update': z.strictObject({
    name: z.string(),
    agencyName: z.string(),
    workshopTitle: z.string(),
    when: z.string(),
    where: z.string(),
    kind: z.enum(['changed', 'cancelled']),
    previousWhen: z.string().optional(),
    previousWhere: z.string().optional(),
    message: z.string().optional(),
    agencyUrl: z.string(),
  }),
  'co-facilitator-invite': z.strictObject({
    ...person,
    /** The trainer who runs the session and listed them. */
    leadName: z.string(),
    where: z.string(),
    /** added: first invite; changed: moved in time or place; cancelled: the session is off; removed: they no longer co-facilitate it. */
    kind: z.enum(['added', 'changed', 'cancelled', 'removed']),
    previousWhen: z.string().optional(),
    message: z.string().optional(),
    /** The session's roster, which they may open signed in with this address. */
    rosterUrl: z.string(),
    invite: zInvite.optional(),
  }),
  'approval-requested': z.strictObject({
    officerName: z.string(),
    officerEmail: z.string(),
    agencyName: z.string().nullable(),
    workshopTitle: z.string(),
    when: z.string(),
    /** Until when the place waits for a decision, with its zone. */
    decideBy: z.string(),
    /** The page with the Approve and Decline buttons; opening it decides nothing. */
    decideUrl: z.string(),
  }),
  'registration-pending': z.strictObject({
    ...person,
    /** Who decides, in plain words: "your coordinator at Springfield PD" or "the trainer". */
    approver: z.string(),
    decideBy: z.string(),
    waitlistPosition: z.number().int().positive().nullable(),
    manageUrl: z.string(),
  }),
};

export type TMailTemplateName = keyof typeof mailProps;
export type TMailProps = { [K in TMailTemplateName]: z.input<(typeof mailProps)[K]> };
export type TPlaceMailProps = z.input<z.ZodObject<typeof place>>;
