/**
 * npm run bench:memory: the server's resident memory as people run it, at idle after its first
 * start and after a minute of load (the catalogue, a search, a session page, the public API),
 * on the embedded database with demo data and, when a server answers, on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBenchDatabase } from './bench-database';
import { load, processGroupRssMiB, startServer, stopServer } from './harness';

const port = Number(process.env.BENCH_PORT ?? 3330);
const base = `http://localhost:${port}`;

/** The server's own process (the largest of its group) and the group as a whole, in MiB. */
function memory(groupId: number): { server: number; group: number } {
  const processes = processGroupRssMiB(groupId);
  return { server: Math.max(...processes), group: processes.reduce((sum, rss) => sum + rss, 0) };
}

async function measure(label: string, env: Record<string, string>) {
  const server = await startServer(env, port);
  try {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const idle = memory(server.pid!);
    const catalogue = await (await fetch(`${base}/`)).text();
    const sessionPath = /href="(\/sessions\/[0-9a-f-]{36})"/.exec(catalogue)?.[1];
    if (!sessionPath) throw new Error('the catalogue lists no session to load');
    const routes = ['/', '/search?q=child', sessionPath, '/api/v1/sessions'];
    let peak = idle;
    const sampler = setInterval(() => {
      const now = memory(server.pid!);
      if (now.server > peak.server) peak = now;
    }, 1_000);
    for (const route of routes) await load(route, { url: `${base}${route}`, connections: 10, duration: 15 });
    clearInterval(sampler);
    const after = memory(server.pid!);
    console.log(`| ${label} | ${idle.server.toFixed(0)} | ${after.server.toFixed(0)} | ${peak.server.toFixed(0)} | ${after.group.toFixed(0)} |`);
  } finally {
    await stopServer(server);
  }
}

console.log('| database | idle MiB | after a minute of load MiB | peak MiB | whole group after load MiB |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const dataDir = mkdtempSync(path.join(tmpdir(), 'muster-bench-memory-'));
try {
  // As a newcomer's first start: a new embedded database, migrated and loaded with the demo.
  await measure('embedded (demo data)', { DATA_DIR: dataDir, SEED_DEMO: '1', MAIL_WORKER: 'on' });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const database = await createBenchDatabase('memory');
if (database.label === 'PostgreSQL') {
  const handle = await database.open();
  await handle.migrate();
  const { seedDemoIfEmpty } = await import('@/db/seed');
  await seedDemoIfEmpty(handle.db);
  await handle.close();
  try {
    await measure('PostgreSQL (demo data)', { ...database.serverEnv, MAIL_WORKER: 'on' });
  } finally {
    await database.drop();
  }
} else {
  console.log('(PostgreSQL did not answer: measured embedded only.)');
  await database.drop();
}
console.log('\nThe server process is the largest of its group; the group adds npm and the tsx launcher.');
