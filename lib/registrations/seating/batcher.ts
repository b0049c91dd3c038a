import 'server-only';
import type { Db } from '@/db/client';
import { ACTIVE_EMAIL_INDEX } from '@/db/schema';
import { isUniqueViolation } from '@/lib/errors/database-fault';
import { processSingleton } from '@/lib/process/process-singleton';
import type { TLoadedSession } from '../place-session';
import type { TRegistrationInput } from '../schemas';
import type { TClock } from './clock';
import { confirmInOneStatement, confirmManyInOneStatement, type TOneStatementSeat, type TRateLimitHit } from './one-statement';

/** The most people one statement seats. */
const MAX_BATCH = 100;

type TWaiting = {
  data: TRegistrationInput;
  rateLimit?: TRateLimitHit;
  clientKey?: string;
  resolve: (seat: TOneStatementSeat) => void;
  reject: (error: unknown) => void;
};
type TQueue = { sending: boolean; waiting: TWaiting[] };

// One queue per database handle, clock, remembered session (the same object for every registration
// until the session is read again) and rate-limit rule (one statement counts its hits against one
// rule, at one time).
type TQueues = WeakMap<Db, WeakMap<TClock, WeakMap<TLoadedSession, Map<string, TQueue>>>>;
const queues = () => processSingleton<TQueues>('seat-queues', () => new WeakMap());

function child<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function queueFor(db: Db, clock: TClock, session: TLoadedSession, rateLimit: TRateLimitHit | undefined): TQueue {
  const byRule = child(child(child(queues(), db, () => new WeakMap()), clock, () => new WeakMap()), session, () => new Map());
  const rule = rateLimit ? `${rateLimit.limit}/${rateLimit.windowMs}` : 'none';
  let queue = byRule.get(rule);
  if (!queue) byRule.set(rule, (queue = { sending: false, waiting: [] }));
  return queue;
}

/**
 * A free seat in a remembered session, as confirmInOneStatement gives it, but coalesced: while one
 * statement for the session is on its way, the people who arrive wait and then go together in the
 * next one. Registrations for one session queue on its row lock in any case, so a busy session
 * is seated in a few statements instead of one each; a quiet one sends each person at once.
 */
export function confirmCoalesced(
  db: Db,
  clock: TClock,
  session: TLoadedSession,
  data: TRegistrationInput,
  rateLimit?: TRateLimitHit,
  clientKey?: string,
): Promise<TOneStatementSeat> {
  const queue = queueFor(db, clock, session, rateLimit);
  return new Promise((resolve, reject) => {
    queue.waiting.push({ data, rateLimit, clientKey, resolve, reject });
    if (!queue.sending) void send(db, clock, session, queue);
  });
}

async function send(db: Db, clock: TClock, session: TLoadedSession, queue: TQueue): Promise<void> {
  queue.sending = true;
  try {
    while (queue.waiting.length > 0) await seat(db, clock, session, queue.waiting.splice(0, MAX_BATCH));
  } finally {
    queue.sending = false;
  }
}

async function seat(db: Db, clock: TClock, session: TLoadedSession, batch: TWaiting[]): Promise<void> {
  if (batch.length > 1) {
    try {
      const people = batch.map(({ data, rateLimit, clientKey }) => ({ data, rateKey: rateLimit?.key, clientKey }));
      const seats = await confirmManyInOneStatement(db, session, people, clock(), batch[0]!.rateLimit);
      seats.forEach((result, i) => batch[i]!.resolve(result));
      return;
    } catch (error) {
      // Only a refusal from the server says nothing was written. A lost connection may come after
      // the commit, and trying everyone again would tell seated people their email is taken.
      if (!isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      // Someone's email already holds a place: each goes on their own, so only they are refused.
    }
  }
  await Promise.all(
    batch.map(({ data, rateLimit, clientKey, resolve, reject }) =>
      confirmInOneStatement(db, session, data, clock(), rateLimit, clientKey).then(resolve, reject),
    ),
  );
}
