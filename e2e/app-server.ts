/**
 * Starts the e2e app server: on a new PostgreSQL database when a server answers (dropped again
 * when the suite stops it), otherwise on a fresh embedded database. The demo server beside it
 * always runs on embedded defaults, so a run with PostgreSQL covers both drivers.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { POSTGRES_ADMIN_URL } from '../test/postgres-url';

const dataDir = '.e2e/app';
rmSync(dataDir, { recursive: true, force: true });

const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
const databaseName = `muster_e2e_${process.pid}`;
let databaseUrl: string | undefined;
try {
  await dropDatabasesOfDeadRuns();
  await admin.unsafe(`create database ${databaseName}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  console.log(`e2e app server: PostgreSQL database ${databaseName}`);
} catch {
  console.log('e2e app server: PostgreSQL did not answer; using the embedded database');
}

const child = spawn('npm', ['start', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
});

/** A run that was killed outright could not drop its database; its process id tells. */
async function dropDatabasesOfDeadRuns() {
  const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'muster_e2e_%'`;
  for (const { datname } of rows) {
    const pid = Number(datname.slice('muster_e2e_'.length));
    if (!isAlive(pid)) await admin.unsafe(`drop database if exists ${datname} with (force)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function dropDatabase() {
  if (databaseUrl) await admin.unsafe(`drop database if exists ${databaseName} with (force)`).catch(() => {});
  await admin.end({ timeout: 1 });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => {
  void dropDatabase().then(() => process.exit(code ?? 0));
});
