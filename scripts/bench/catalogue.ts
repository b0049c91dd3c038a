/**
 * npm run bench:catalogue: 50 published workshops with 10 sessions each; the catalogue page `/`
 * and GET /api/health under the same load (50 connections, 10 s each, after a warm-up).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { trainingSessions, workshops } from '@/db/schema';
import { wallTimeToInstant } from '@/lib/time/zoned';
import { load, printTable, startServer, stopServer } from './harness';

const port = Number(process.env.BENCH_PORT ?? 3300);
const dataDir = mkdtempSync(path.join(tmpdir(), 'muster-bench-catalogue-'));

async function seed() {
  const handle = await openDatabase({ driver: 'pglite', dataDir });
  await handle.migrate();
  const zones = ['America/Chicago', 'America/New_York', 'America/Denver', 'Europe/London'];
  const topics = ['trauma-informed care', 'child protection', 'domestic violence', 'bullying prevention'];
  const created = await handle.db
    .insert(workshops)
    .values(
      Array.from({ length: 50 }, (_, i) => ({
        slug: `bench-workshop-${i + 1}`,
        title: `Benchmark workshop ${i + 1}: ${topics[i % 4]}`,
        summary: 'A workshop made for the catalogue benchmark, with a summary of ordinary length.',
        topics: [topics[i % 4]!],
        creditHours: 3,
        creditCategory: 'POST continuing education',
        status: 'published' as const,
        publishedAt: new Date(),
      })),
    )
    .returning({ id: workshops.id });
  const today = new Date();
  const sessions = created.flatMap((w, i) =>
    Array.from({ length: 10 }, (_, j) => {
      const date = new Date(today.getTime() + (1 + j * 7 + (i % 7)) * 86_400_000).toISOString().slice(0, 10);
      const zone = zones[(i + j) % zones.length]!;
      return {
        workshopId: w.id,
        startsAt: wallTimeToInstant(`${date}T09:00`, zone),
        endsAt: wallTimeToInstant(`${date}T12:00`, zone),
        timeZone: zone,
        capacity: 25,
        venueName: `Training room ${j + 1}`,
        venueAddress: '100 Main Street',
        registrationOpensAt: today,
        registrationClosesAt: wallTimeToInstant(`${date}T09:00`, zone),
      };
    }),
  );
  await handle.db.insert(trainingSessions).values(sessions);
  await handle.close();
  return sessions.length;
}

const sessionCount = await seed();
console.log(`Seeded 50 published workshops with ${sessionCount} sessions.`);
const server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: '0' }, port);
try {
  const base = `http://localhost:${port}`;
  const page = await (await fetch(`${base}/`)).text();
  if (!page.includes('Benchmark workshop')) throw new Error('the catalogue does not show the seeded workshops');
  console.log(`The catalogue page is ${Math.round(page.length / 1024)} KiB of HTML.`);
  console.log('Warming up…');
  await load('warm-up /', { url: `${base}/`, duration: 3 });
  await load('warm-up health', { url: `${base}/api/health`, duration: 3 });
  const catalogue = await load('GET / (catalogue)', { url: `${base}/` });
  const health = await load('GET /api/health', { url: `${base}/api/health` });
  printTable([catalogue, health]);
  console.log(`\nratio catalogue/health: ${(catalogue.rps / health.rps).toFixed(2)} (target at least 0.8)`);
} finally {
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
