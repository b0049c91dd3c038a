import 'server-only';
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { mailOutbox, type TOutboxRow } from '@/db/schema';
import { describeError } from '@/lib/errors/describe-error';
import { retryDelayMs } from './backoff';
import { composeMail } from './compose';
import type { TDeliveryParts } from './delivery-parts';
import type { MailTransport } from './transport';
import { onMailWake } from './wake';

export type MailWorkerOptions = {
  db: Db;
  transport: MailTransport;
  from: string;
  /** The builders for the parts templates declare (a QR code, a certificate PDF), from startup. */
  parts: TDeliveryParts;
  batchSize?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a claimed row stays with this worker before another may take it over. */
  leaseMs?: number;
  pollMs?: number;
  log?: Pick<Console, 'warn' | 'error'>;
};

export type MailRunResult = { sent: number; retrying: number; failed: number };

/**
 * Delivers the outbox. A batch is claimed in one statement (`FOR UPDATE SKIP LOCKED`), so any
 * number of workers across instances share the queue without taking the same row; a row is
 * marked sent only after the SMTP server accepted it. If a worker dies mid-send, its lease runs
 * out and the row is tried again with the same Message-ID, so receivers can recognise a repeat.
 */
export function createMailWorker(options: MailWorkerOptions) {
  const {
    db,
    transport,
    from,
    parts,
    batchSize = 50,
    maxAttempts = 12,
    retryBaseMs = 30_000,
    retryMaxMs = 3_600_000,
    leaseMs = 120_000,
    pollMs = 1_000,
    log = console,
  } = options;

  async function claimBatch(): Promise<TOutboxRow[]> {
    const now = new Date();
    const due = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.dueAt, now)),
          and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(mailOutbox.dueAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    return db
      .update(mailOutbox)
      .set({
        status: 'sending',
        attempts: sql`${mailOutbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + leaseMs),
      })
      .where(inArray(mailOutbox.id, due))
      .returning();
  }

  /** Sends one claimed row; a failure is recorded at once, a success with the rest of its batch. */
  async function deliver(row: TOutboxRow): Promise<keyof MailRunResult> {
    try {
      await transport.send(await composeMail(db, row, from, parts));
    } catch (error) {
      return recordFailure(row, error);
    }
    return 'sent';
  }

  /** Rows the SMTP server accepted, in one statement per batch rather than one per message. */
  async function markSent(ids: string[]) {
    if (ids.length === 0) return;
    await db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null })
      .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, 'sending')));
  }

  async function recordFailure(row: TOutboxRow, error: unknown): Promise<keyof MailRunResult> {
    const responseCode = (error as { responseCode?: number }).responseCode;
    // A 5xx reply is the server saying "never": retrying the same message cannot succeed.
    const permanent = typeof responseCode === 'number' && responseCode >= 500;
    const giveUp = permanent || row.attempts >= maxAttempts;
    const lastError = error instanceof Error ? error.message : String(error);
    await db
      .update(mailOutbox)
      .set({
        status: giveUp ? 'failed' : 'pending',
        lockedUntil: null,
        lastError: lastError.slice(0, 2000),
        dueAt: giveUp ? row.dueAt : new Date(Date.now() + retryDelayMs(row.attempts, retryBaseMs, retryMaxMs)),
      })
      .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'sending')));
    // The row id leads to the address for whoever may see it; the log holds no address or message text.
    if (giveUp) log.error(`mail ${row.id} (${row.template}) failed after ${row.attempts} attempts: ${describeError(error)}`);
    return giveUp ? 'failed' : 'retrying';
  }

  /** Delivers everything due now, batch after batch, and reports what happened. */
  async function runOnce(): Promise<MailRunResult> {
    const result: MailRunResult = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const batch = await claimBatch();
      if (batch.length === 0) return result;
      const outcomes = await Promise.all(batch.map(deliver));
      // Accepted but not yet marked if this process dies here: the lease runs out and the rows go
      // again with the same Message-ID, as for a crash mid-send.
      await markSent(batch.filter((_, i) => outcomes[i] === 'sent').map((row) => row.id));
      for (const outcome of outcomes) result[outcome] += 1;
      // A long backlog must not hold up a shutdown: what is left waits for the next start.
      if (stopping) return result;
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  let stopped = true;
  let stopping = false;
  let unsubscribe: (() => void) | undefined;

  function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = runOnce()
      .catch((error) => log.warn(`mail worker: ${describeError(error)}`))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          tick();
        } else {
          timer = setTimeout(tick, pollMs);
          timer.unref();
        }
      });
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      unsubscribe = onMailWake(tick);
      tick();
    },
    async stop() {
      stopped = true;
      stopping = true;
      clearTimeout(timer);
      unsubscribe?.();
      await running;
      transport.close();
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
