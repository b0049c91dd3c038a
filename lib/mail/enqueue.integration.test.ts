import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { appHost } from '@/lib/config/env';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { enqueueMail, type TMailMessage } from './enqueue';
import type { MailTransport, TOutgoingMail } from './transport';
import { createMailWorker } from './worker';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function signIn(to: string, extra: Partial<TMailMessage<'sign-in'>> = {}): TMailMessage<'sign-in'> {
  return {
    to,
    template: 'sign-in',
    props: { url: `http://localhost:3000/signin/confirm?token=t-${to}`, email: to, expiresInMinutes: 30 },
    ...extra,
  };
}

/** Records what would be sent, so these tests need no SMTP server. */
function recordingTransport() {
  const sent: TOutgoingMail[] = [];
  const transport: MailTransport = {
    kind: 'smtp',
    async send(message) {
      sent.push(message);
    },
    close() {},
  };
  return { transport, sent };
}

const silent = { warn() {}, error() {} };

describe.each(testDrivers)('enqueueMail on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- every test starts from an empty outbox
    await database.db.delete(mailOutbox);
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    const failure = new Error('the change that caused the mail failed');
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, signIn('rolled-back@example.org'));
        // The row is visible inside the transaction...
        expect(await tx.select().from(mailOutbox)).toHaveLength(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    // ...and gone with it.
    expect(await database.db.select().from(mailOutbox)).toEqual([]);
  });

  it('queues exactly one pending row when the transaction commits', async () => {
    const { id } = await database.db.transaction((tx) => enqueueMail(tx, signIn('officer@example.org')));
    const rows = await database.db.select().from(mailOutbox);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.id).toBe(id);
    expect(row.id).toMatch(new RegExp(`^${UUID}$`));
    expect(row).toMatchObject({
      toAddress: 'officer@example.org',
      subject: 'Your Muster sign-in link',
      template: 'sign-in',
      props: { url: 'http://localhost:3000/signin/confirm?token=t-officer@example.org', email: 'officer@example.org', expiresInMinutes: 30 },
      alternatives: [],
      attachments: [],
      status: 'pending',
      attempts: 0,
      lockedUntil: null,
      lastError: null,
      sentAt: null,
    });
    // A stable Message-ID made of the row id and the app's host (localhost:3000 by default).
    expect(appHost()).toBe(new URL(process.env.APP_URL || 'http://localhost:3000').host);
    expect(row.messageId).toBe(`<${row.id}@${appHost()}>`);
    expect(row.messageId).toMatch(new RegExp(`^<${UUID}@[^>]+>$`));
    expect(row.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('keeps every message of one transaction together', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueMail(tx, signIn('a@example.org'));
      await enqueueMail(tx, signIn('b@example.org'));
    });
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.map((row) => row.toAddress).sort()).toEqual(['a@example.org', 'b@example.org']);
    expect(new Set(rows.map((row) => row.messageId)).size).toBe(2);
  });

  it('does not deliver a message before its dueAt', async () => {
    const dueAt = new Date(Date.now() + 60 * 60 * 1000);
    const { id: laterId } = await database.db.transaction((tx) =>
      enqueueMail(tx, signIn('later@example.org', { dueAt })),
    );
    const { id: nowId } = await database.db.transaction((tx) => enqueueMail(tx, signIn('now@example.org')));
    const { transport, sent } = recordingTransport();
    const worker = createMailWorker({ parts: mailDeliveryParts, db: database.db, transport, from: 'Muster <no-reply@localhost>', log: silent });

    expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent.map((message) => message.to)).toEqual(['now@example.org']);
    const [later] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, laterId));
    expect(later).toMatchObject({ status: 'pending', attempts: 0, sentAt: null });
    expect(later!.dueAt.getTime()).toBe(dueAt.getTime());
    const [now] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, nowId));
    expect(now!.status).toBe('sent');

    // Still not due on the next run.
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(1);

    // Once its time has come, it goes out.
    await database.db.update(mailOutbox).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, laterId));
    expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent.map((message) => message.to)).toEqual(['now@example.org', 'later@example.org']);
    await worker.stop();
  });
});
