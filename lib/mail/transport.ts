import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

export type TOutgoingMail = Mail.Options & { messageId: string };

export type MailTransport = {
  readonly kind: 'smtp' | 'local-mailbox';
  send(message: TOutgoingMail): Promise<void>;
  close(): void;
};

/** Delivers over SMTP with pooled connections; `pool=true` is added to the URL unless it says otherwise. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transporter = nodemailer.createTransport(url.toString());
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/**
 * With no SMTP server configured, mail is written as .eml files under DATA_DIR/mailbox, built by
 * the same MIME composer as real delivery, so /dev/mailbox shows exactly what would be sent.
 */
export function createLocalMailboxTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'local-mailbox',
    async send(message) {
      const info = await transporter.sendMail(message);
      await mkdir(dir, { recursive: true });
      const name = `${Date.now().toString().padStart(15, '0')}-${mailboxId(message.messageId)}.eml`;
      await writeFile(path.join(dir, name), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}

export function mailboxId(messageId: string): string {
  return messageId.replace(/^<|@.*$/g, '');
}
