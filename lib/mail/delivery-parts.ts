import type Mail from 'nodemailer/lib/mailer';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import type { TDeliveryPartName } from './templates';

export type TDeliveryAttachment = NonNullable<Mail.Options['attachments']>[number];

/**
 * Makes one kind of part for a message as it is delivered. The outbox row stays small and the part
 * is always made from the current, immutable source; a builder that throws leaves the message to
 * be retried, never sent without its part.
 */
export type TDeliveryPartBuilder = (db: Db, row: TOutboxRow) => Promise<TDeliveryAttachment[]>;

/** A builder for every part a template may declare, handed to the worker at startup. */
export type TDeliveryParts = Record<TDeliveryPartName, TDeliveryPartBuilder>;
