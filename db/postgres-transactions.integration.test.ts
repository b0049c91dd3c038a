import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '@/test/databases';

/**
 * postgres.js 3.4.9 could send a transaction's BEGIN without reserving its connection when the
 * connection's pipeline was full or its socket buffered (porsager/postgres#823, #1189): the BEGIN
 * failed with UNSAFE_TRANSACTION and left the server in a transaction that other queries then ran
 * inside. patches/postgres+3.4.9.patch fixes it; this is the reproduction from the issue.
 */
describe.runIf(postgresAvailable())('postgres.js transactions on a saturated pool', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // max_pipeline is a real option that the type definitions leave out.
    sql = postgres(database.url!, { max: 3, max_pipeline: 2, onnotice: () => {} } as postgres.Options<Record<string, never>>);
    await sql`create table tally (n int not null)`;
  });
  afterAll(async () => {
    await sql?.end();
    await database?.close();
  });

  it('reserves a connection for every transaction, even when it is sent behind a full pipeline', async () => {
    for (let round = 0; round < 20; round++) {
      // Every connection busy, then one more query on each: the next statement sent to a connection
      // fills its pipeline of two, and the transactions' BEGINs are those statements.
      const busy = Array.from({ length: 3 }, () => sql`select pg_sleep(0.02)`.execute());
      const queries = Array.from({ length: 3 }, (_, i) => sql`select ${i}::int as i`.execute());
      await new Promise((resolve) => setImmediate(resolve));
      const transactions = Array.from({ length: 5 }, (_, i) =>
        sql.begin(async (tx) => {
          await tx`insert into tally (n) values (${i})`;
          const [state] = await tx`select txid_current_if_assigned() is not null as in_transaction`;
          return state!.in_transaction as boolean;
        }),
      );
      const settled = await Promise.allSettled([...busy, ...queries, ...transactions]);
      expect(settled.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
      expect(await Promise.all(transactions)).toEqual([true, true, true, true, true]);
    }
    const [tally] = await sql`select count(*)::int as count from tally`;
    expect(tally?.count).toBe(100);
    // No connection was left inside a transaction.
    const [connections] = await sql`
      select count(*)::int as open from pg_stat_activity
       where datname = current_database() and state like 'idle in transaction%'`;
    expect(connections?.open).toBe(0);
  });
});
