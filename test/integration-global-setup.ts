import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { POSTGRES_ADMIN_URL } from './postgres-url';

/** Decides once per run whether PostgreSQL takes part, and says so. */
export default async function setup(project: TestProject) {
  const sql = postgres(POSTGRES_ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    project.provide('musterPostgres', true);
    console.log(`Integration tests run on PGlite and on PostgreSQL (${new URL(POSTGRES_ADMIN_URL).host}).`);
  } catch (error) {
    project.provide('musterPostgres', false);
    console.log(
      `PostgreSQL did not answer at ${new URL(POSTGRES_ADMIN_URL).host} (${(error as Error).message}): integration tests run on PGlite only.`,
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}
