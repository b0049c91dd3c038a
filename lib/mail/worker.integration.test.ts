import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db, type DbHandle } from '@/db/client';
import { mailOutbox, type TMailAttachment, type TMailPart, type TOutboxRow } from '@/db/schema';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { startSmtpSink, type SmtpSink } from '@/test/smtp-sink';
import { enqueueMail } from './enqueue';
import { createSmtpTransport } from './transport';
import { createMailWorker, type MailRunResult, type MailWorker, type MailWorkerOptions } from './worker';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';

const FROM = 'Muster <no-reply@muster.test>';
const silent = { warn() {}, error() {} };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signInUrl(to: string) {
  return `http://localhost:3000/signin/confirm?token=${encodeURIComponent(`token-${to}`)}`;
}

type Extras = { alternatives?: TMailPart[]; attachments?: TMailAttachment[] };

/** Queues one sign-in mail per address, each in its own committed transaction. */
async function enqueue(db: Db, addresses: string[], extras: Extras = {}) {
  const ids: string[] = [];
  for (const to of addresses) {
    const { id } = await db.transaction((tx) =>
      enqueueMail(tx, {
        to,
        template: 'sign-in',
        props: { url: signInUrl(to), email: to, expiresInMinutes: 30 },
        ...extras,
      }),
    );
    ids.push(id);
  }
  return ids;
}

const addresses = (count: number, prefix = 'officer') =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, '0')}@example.org`);

/** A port nothing listens on: the SMTP server is down. */
async function freePort(): Promise<number> {
  const probe = await startSmtpSink();
  await probe.close();
  return probe.port;
}

describe.each(testDrivers)('mail worker over real SMTP on %s', (driver) => {
  let database: TestDatabase;
  let workers: MailWorker[] = [];
  let sinks: SmtpSink[] = [];
  let handles: DbHandle[] = [];

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
  afterEach(async () => {
    // An empty queue lets a started worker's current run end (stop() waits for it), even when a
    // failed test left messages retrying. Then transports (their pooled connections), servers,
    // and extra database handles.
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- nothing may be left to retry
    await database.db.delete(mailOutbox);
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(sinks.map((sink) => sink.close()));
    await Promise.all(handles.map((handle) => handle.close()));
    workers = [];
    sinks = [];
    handles = [];
  });

  async function sink(port?: number) {
    const started = await startSmtpSink({ port });
    sinks.push(started);
    return started;
  }

  function worker(url: string, options: Partial<MailWorkerOptions> = {}) {
    const created = createMailWorker({
      db: database.db,
      transport: createSmtpTransport(url),
      from: FROM,
      parts: mailDeliveryParts,
      log: silent,
      ...options,
    });
    workers.push(created);
    return created;
  }

  async function rows(db: Db = database.db): Promise<TOutboxRow[]> {
    return db.select().from(mailOutbox).orderBy(asc(mailOutbox.toAddress));
  }

  /** Runs the worker until `done` holds for the outbox, adding up what the runs reported. */
  async function runUntil(run: MailWorker, done: (rows: TOutboxRow[]) => boolean, timeoutMs = 10_000) {
    const total: MailRunResult = { sent: 0, retrying: 0, failed: 0 };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await run.runOnce();
      total.sent += result.sent;
      total.retrying += result.retrying;
      total.failed += result.failed;
      const current = await rows();
      if (done(current)) return { total, rows: current };
      if (Date.now() > deadline) {
        const statuses = current.map((row) => `${row.status}/${row.attempts}`).join(', ');
        throw new Error(`outbox not settled after ${timeoutMs} ms: ${statuses}`);
      }
      await sleep(10);
    }
  }

  /** Polls the outbox until `done` holds for it (for workers running on their own). */
  async function waitForRows(done: (rows: TOutboxRow[]) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await rows();
      if (done(current)) return current;
      if (Date.now() > deadline) {
        const statuses = current.map((row) => `${row.status}/${row.attempts}`).join(', ');
        throw new Error(`outbox not as expected after ${timeoutMs} ms: ${statuses}`);
      }
      await sleep(20);
    }
  }

  const allSent = (current: TOutboxRow[]) => current.every((row) => row.status === 'sent');

  function expectDeliveredOnce(sinkMessages: SmtpSink['messages'], current: TOutboxRow[]) {
    const received = sinkMessages.map((message) => message.messageId);
    expect(received).toHaveLength(current.length);
    expect(new Set(received).size).toBe(current.length);
    expect([...received].sort()).toEqual(current.map((row) => row.messageId).sort());
    for (const row of current) {
      expect(row.status).toBe('sent');
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row.lockedUntil).toBeNull();
      expect(row.lastError).toBeNull();
    }
  }

  it('delivers a queued message with its stable Message-ID, HTML and text, and marks it sent', async () => {
    const smtp = await sink();
    const [id] = await enqueue(database.db, ['officer@example.org']);
    const mailer = worker(smtp.url);

    const before = Date.now();
    expect(await mailer.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.messages).toHaveLength(1);
    const [row] = await rows();
    expect(row!.id).toBe(id);
    const [message] = smtp.messages;
    expect(message!.envelope).toEqual({ mailFrom: 'no-reply@muster.test', rcptTo: ['officer@example.org'] });
    expect(message!.messageId).toBe(row!.messageId);

    const parsed = await smtp.parse(message!);
    expect(parsed.messageId).toBe(row!.messageId);
    expect(parsed.subject).toBe('Your Muster sign-in link');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : parsed.to).toEqual([
      'officer@example.org',
    ]);
    expect(parsed.from?.value.map((a) => a.address)).toEqual(['no-reply@muster.test']);
    const url = signInUrl('officer@example.org');
    expect(parsed.html).toEqual(expect.stringContaining(`href="${url}"`));
    expect(parsed.text).toEqual(expect.stringContaining(url));
    expect(parsed.attachments).toEqual([]);

    expect(row).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null, lastError: null });
    expect(row!.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row!.sentAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    // Nothing is sent twice.
    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends calendar alternatives inside multipart/alternative, and attachments', async () => {
    const smtp = await sink();
    const calendar = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const attachment = 'BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n';
    await enqueue(database.db, ['officer@example.org'], {
      alternatives: [{ contentType: 'text/calendar; method=REQUEST', content: calendar }],
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: attachment }],
    });
    const mailer = worker(smtp.url);
    expect(await mailer.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const [message] = smtp.messages;
    const raw = message!.raw.toString('utf8');
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/im);
    const boundary = /^Content-Type: multipart\/alternative;\s*boundary="?([^"\r\n;]+)"?/im.exec(raw)?.[1];
    expect(boundary).toBeDefined();
    const start = raw.indexOf(`--${boundary}\r\n`);
    const end = raw.indexOf(`--${boundary}--`);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const alternative = raw.slice(start, end);
    expect(alternative).toMatch(/^Content-Type: text\/plain/im);
    expect(alternative).toMatch(/^Content-Type: text\/html/im);
    expect(alternative).toMatch(/^Content-Type: text\/calendar; method=REQUEST/im);
    // The attachment is a sibling in multipart/mixed, not one of the alternatives.
    expect(alternative).not.toContain('invite.ics');
    expect(raw.slice(end)).toMatch(/filename="?invite\.ics"?/);

    const parsed = await smtp.parse(message!);
    expect(parsed.text).toEqual(expect.stringContaining(signInUrl('officer@example.org')));
    const invite = parsed.attachments.find((part) => part.filename === 'invite.ics');
    expect(invite).toBeDefined();
    expect(invite!.contentType).toBe('text/calendar');
    expect(invite!.content.toString('utf8')).toBe(attachment);
    const request = parsed.attachments.find((part) => part.contentType === 'text/calendar' && part !== invite);
    expect(request?.content.toString('utf8')).toBe(calendar);
  });

  it('never delivers one row twice when two workers share the queue', async () => {
    const smtp = await sink();
    await enqueue(database.db, addresses(40));
    let otherDb = database.db;
    if (driver === 'postgres') {
      // A second connection pool, as a second app instance would have.
      expect(database.url).toBeDefined();
      const other = await openDatabase({ driver: 'postgres', url: database.url!, maxConnections: 5 });
      handles.push(other);
      otherDb = other.db;
    }
    const first = worker(smtp.url, { batchSize: 5 });
    const second = worker(smtp.url, { batchSize: 5, db: otherDb });

    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect(a.sent + b.sent).toBe(40);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(a.retrying + b.retrying + a.failed + b.failed).toBe(0);

    await smtp.waitFor(40);
    const current = await rows();
    expect(current).toHaveLength(40);
    expectDeliveredOnce(smtp.messages, current);
    for (const row of current) expect(row.attempts).toBe(1);
    expect((await first.runOnce()).sent + (await second.runOnce()).sent).toBe(0);
    expect(smtp.messages).toHaveLength(40);
  });

  it('delivers 50 messages queued while the SMTP server is down exactly once after it comes back', async () => {
    const port = await freePort();
    const ids = await enqueue(database.db, addresses(50));
    // runOnce() keeps claiming until nothing is due, so the retry delay has to outlast one failing
    // batch for this run to try each message exactly once. nodemailer's pool waits 100 ms after
    // each failed connection (5 connections by default: about 1 s for 50 messages); 50 connections
    // fail them all at once, so a short delay suffices.
    const mailer = worker(`smtp://127.0.0.1:${port}?maxConnections=50`, { batchSize: 50, retryBaseMs: 500, retryMaxMs: 500 });

    const started = Date.now();
    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 50, failed: 0 });
    const waiting = await rows();
    expect(waiting.map((row) => row.id).sort()).toEqual([...ids].sort());
    for (const row of waiting) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null, sentAt: null });
      expect(row.lastError).toEqual(expect.stringContaining('ECONNREFUSED'));
      expect(row.dueAt.getTime()).toBeGreaterThan(started);
    }
    // Not due yet: a run right away leaves them alone.
    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await rows()).every((row) => row.attempts === 1)).toBe(true);

    const smtp = await sink(port);
    const { total, rows: settled } = await runUntil(mailer, allSent);
    expect(total).toEqual({ sent: 50, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(50);
    expectDeliveredOnce(smtp.messages, settled);
    for (const row of settled) expect(row.attempts).toBe(2);
    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(50);
  });

  it('with the worker running, 50 messages queued during an outage are each delivered once on recovery', async () => {
    const port = await freePort();
    // The product's transport settings (a pool of 5); retries every few tens of milliseconds.
    const mailer = worker(`smtp://127.0.0.1:${port}`, { pollMs: 20, retryBaseMs: 20, retryMaxMs: 80, maxAttempts: 1000 });
    mailer.start();
    await enqueue(database.db, addresses(50));

    // Down until every message has been tried and is waiting for its retry.
    await waitForRows((current) => current.length === 50 && current.every((row) => row.attempts >= 1 && row.lastError));
    for (const row of await rows()) {
      expect(row.status).not.toBe('sent');
      expect(row.status).not.toBe('failed');
      expect(row.lastError).toEqual(expect.stringContaining('ECONNREFUSED'));
    }

    const smtp = await sink(port);
    await smtp.waitFor(50, 15_000);
    const settled = await waitForRows(allSent);
    await mailer.stop();
    await sleep(100);
    expectDeliveredOnce(smtp.messages, settled);
    expect(smtp.messages).toHaveLength(50);
  });

  it('retries while the server answers 451 and delivers each message once when it recovers', async () => {
    const smtp = await sink();
    smtp.failWith(451, 'Try again later');
    const mailer = worker(smtp.url, { pollMs: 20, retryBaseMs: 10, retryMaxMs: 40, maxAttempts: 1000 });
    mailer.start();
    await enqueue(database.db, addresses(10));

    // Refused on every try for a while: each message is retried at least once. (attempts counts
    // claims, so a row can show 2 while its second try is still on the wire.)
    await waitForRows(
      (current) => current.length === 10 && current.every((row) => row.attempts >= 2) && smtp.rejected >= 20,
    );
    expect(smtp.messages).toHaveLength(0);
    for (const row of await rows()) {
      expect(row.status).not.toBe('failed');
      expect(row.lastError).toEqual(expect.stringContaining('451 Try again later'));
    }

    smtp.failWith(null);
    await smtp.waitFor(10);
    const settled = await waitForRows(allSent);
    await mailer.stop();
    await sleep(50);
    expectDeliveredOnce(smtp.messages, settled);
    // Every attempt reached the server: all but the last of each message were refused.
    const attempts = (await rows()).reduce((sum, row) => sum + row.attempts, 0);
    expect(smtp.rejected + smtp.messages.length).toBe(attempts);
  });

  it('retries only the messages the server refused in the middle of a batch, and sends the rest once', async () => {
    const smtp = await sink();
    const everyone = addresses(30, 'batch');
    const refused = [everyone[3]!, everyone[17]!, everyone[28]!];
    smtp.failFor(refused);
    // Retried a minute later, so the run below ends after one batch.
    const mailer = worker(smtp.url, { batchSize: 30, retryBaseMs: 60_000 });
    await enqueue(database.db, everyone);

    const first = await mailer.runOnce();
    expect(first).toEqual({ sent: 27, retrying: 3, failed: 0 });
    const afterFirst = await rows();
    expect(afterFirst.filter((row) => row.status === 'pending').map((row) => row.toAddress)).toEqual([...refused].sort());
    expect(afterFirst.filter((row) => row.status === 'sent')).toHaveLength(27);
    expect(smtp.messages.map((message) => message.envelope.rcptTo[0]).sort()).toEqual(everyone.filter((to) => !refused.includes(to)).sort());

    smtp.failFor(null);
    await database.db.update(mailOutbox).set({ dueAt: new Date() }).where(eq(mailOutbox.status, 'pending'));
    const { rows: settled } = await runUntil(mailer, allSent);
    expectDeliveredOnce(smtp.messages, settled);
    for (const row of settled) expect(row.attempts).toBe(refused.includes(row.toAddress) ? 2 : 1);
  });

  it('marks a message failed after maxAttempts temporary failures', async () => {
    const smtp = await sink();
    smtp.failWith(451, 'Mailbox busy');
    const [id] = await enqueue(database.db, ['busy@example.org']);
    const errors: string[] = [];
    const mailer = worker(smtp.url, {
      maxAttempts: 3,
      retryBaseMs: 5,
      retryMaxMs: 20,
      log: { warn() {}, error: (message: string) => errors.push(message) },
    });

    const { total, rows: settled } = await runUntil(mailer, (current) => current.every((row) => row.status === 'failed'));
    expect(total).toEqual({ sent: 0, retrying: 2, failed: 1 });
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ id, status: 'failed', attempts: 3, sentAt: null, lockedUntil: null });
    expect(settled[0]!.lastError).toEqual(expect.stringContaining('451 Mailbox busy'));
    expect(smtp.rejected).toBe(3);
    expect(errors).toEqual([expect.stringContaining('failed after 3 attempts')]);

    // Failed for good: later runs leave it alone even when the server is fine again.
    smtp.failWith(null);
    await sleep(30);
    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it('stops promptly during an outage with a backlog, leaving the rest queued', async () => {
    const smtp = await sink();
    smtp.failWith(451, 'Mailbox busy');
    const mailer = worker(smtp.url, { pollMs: 10, retryBaseMs: 1, retryMaxMs: 2, maxAttempts: 10_000, batchSize: 5 });
    await enqueue(database.db, addresses(20));
    mailer.start();
    await waitForRows((current) => current.some((row) => row.attempts >= 2));
    const stoppedWithin = await Promise.race([mailer.stop().then(() => 'stopped'), sleep(2_000).then(() => 'still running')]);
    expect(stoppedWithin).toBe('stopped');
    const left = await rows();
    expect(left).toHaveLength(20);
    expect(left.every((row) => row.status === 'pending')).toBe(true);
    expect(smtp.messages).toHaveLength(0);
  });

  it('marks a message failed at once on a 5xx answer, without retrying', async () => {
    const smtp = await sink();
    smtp.failWith(550, 'No such user here');
    const [id] = await enqueue(database.db, ['nobody@example.org']);
    const [queued] = await rows();
    const mailer = worker(smtp.url, { retryBaseMs: 1, retryMaxMs: 1 });

    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ id, status: 'failed', attempts: 1, sentAt: null, lockedUntil: null });
    expect(row!.lastError).toEqual(expect.stringContaining('550 No such user here'));
    expect(row!.dueAt.getTime()).toBe(queued!.dueAt.getTime());
    expect(smtp.rejected).toBe(1);

    smtp.failWith(null);
    await sleep(10);
    expect(await mailer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.rejected).toBe(1);
    expect(smtp.messages).toHaveLength(0);
    const [after] = await rows();
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('SMTP sink', () => {
  it('waits for messages and can be reset', async () => {
    const smtp = await startSmtpSink();
    const transport = createSmtpTransport(smtp.url);
    try {
      const waiting = smtp.waitFor((messages) => messages.some((m) => m.messageId === '<one@muster.test>'), 2000);
      await transport.send({ from: FROM, to: 'a@example.org', subject: 'One', text: 'one', messageId: '<one@muster.test>' });
      await expect(waiting).resolves.toHaveLength(1);
      expect((await smtp.parsed()).map((mail) => mail.subject)).toEqual(['One']);
      await expect(smtp.waitFor(2, 50)).rejects.toThrow(/timed out/);
      smtp.reset();
      expect(smtp.messages).toHaveLength(0);
      expect(smtp.url).toBe(`smtp://127.0.0.1:${smtp.port}`);
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});
