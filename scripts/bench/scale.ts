/**
 * npm run bench:scale: how each page's cost grows with the data around it. Loads 1×, 10× and 100×
 * a busy practice (see scale-data.ts) into one database, and at each scale measures p50 and p99
 * of the pages people open most, beside GET /api/health, with two connections for 5 s each after
 * a warm-up. The people and sessions measured stay the same at every scale; only the rest grows.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatCertificateCode } from '@/lib/certificates/code';
import { createBenchDatabase } from './bench-database';
import { load, startServer, stopServer, type TLoadResult } from './harness';
import { addFixed, addUnits, FIXED, sessionCookie } from './scale-data';

const port = Number(process.env.BENCH_PORT ?? 3320);
const base = `http://localhost:${port}`;
const database = await createBenchDatabase('scale');
// The embedded database holds one process's data in memory: 100× would measure the disk cache.
// BENCH_SCALES=1,100 measures only those.
const scales = process.env.BENCH_SCALES ? process.env.BENCH_SCALES.split(',').map(Number) : database.label === 'PostgreSQL' ? [1, 10, 100] : [1, 10];
console.log(`Scale benchmark on ${database.label}: ${scales.map((s) => `${s}×`).join(', ')}.`);

const handle = await database.open();
await handle.migrate();
const fixed = await addFixed(handle.db);
const cookies = {
  trainer: await sessionCookie(handle.db, FIXED.trainerEmail),
  coordinator: await sessionCookie(handle.db, FIXED.coordinatorEmail),
  officer: await sessionCookie(handle.db, FIXED.officerEmail),
};

type TPage = { label: string; path: string; cookie?: string; expect: string };
const pages: TPage[] = [
  { label: 'catalogue, searched', path: '/search?q=child', expect: 'child protection' },
  { label: 'trainer dashboard', path: '/trainer', cookie: cookies.trainer, expect: 'Interviewing children after trauma' },
  { label: `roster of ${FIXED.rosterPeople}`, path: `/trainer/sessions/${fixed.rosterSessionId}`, cookie: cookies.trainer, expect: 'Showing 1–100 of 2,000' },
  { label: 'roster CSV', path: `/trainer/sessions/${fixed.rosterSessionId}/roster.csv`, cookie: cookies.trainer, expect: 'officer-1999@metro.example' },
  { label: `check-in of ${FIXED.checkInPeople}`, path: `/trainer/sessions/${fixed.checkInSessionId}/check-in`, cookie: cookies.trainer, expect: 'Metro Officer 2299' },
  { label: `/agency, ${FIXED.bigAgencyOfficers} officers`, path: '/agency', cookie: cookies.coordinator, expect: 'Next officers' },
  { label: `/me, ${FIXED.officerCertificates} certificates`, path: '/me', cookie: cookies.officer, expect: `Showing 1–25 of ${FIXED.officerCertificates}` },
  { label: '/verify/{code}', path: `/verify/${formatCertificateCode(fixed.certificateCode)}`, expect: 'Vera Veteran' },
  { label: 'GET /api/health', path: '/api/health', expect: 'ok' },
];

async function check(page: TPage): Promise<number> {
  const response = await fetch(`${base}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {} });
  const body = await response.text();
  if (!response.ok || !body.includes(page.expect)) {
    const saved = path.join(tmpdir(), 'bench-scale-unexpected.html');
    writeFileSync(saved, body);
    throw new Error(`${page.label}: ${response.status}, ${body.length} bytes (in ${saved}), expected to contain "${page.expect}"`);
  }
  return body.length;
}

async function measure(page: TPage): Promise<TLoadResult> {
  const options = { url: `${base}${page.path}`, connections: 2, headers: page.cookie ? { cookie: page.cookie } : {} };
  await load('warm-up', { ...options, duration: 2 });
  const result = await load(page.label, { ...options, duration: 5 });
  if (result.rps > 0) return result;
  // Nothing answered within the window: time a few requests one after another instead.
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await check(page);
    times.push(Math.round(performance.now() - started));
  }
  times.sort((a, b) => a - b);
  return { ...result, p50: times[1]!, p99: times[2]!, rps: 1000 / times[1]! };
}

const byScale = new Map<number, TLoadResult[]>();
const server = await startServer({ ...database.serverEnv, SEED_DEMO: '0' }, port);
try {
  let loaded = 0;
  for (const scale of scales) {
    const started = performance.now();
    await addUnits(handle.db, loaded, scale);
    loaded = scale;
    console.log(`\n## ${scale}× (loaded in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    const results: TLoadResult[] = [];
    for (const page of pages) {
      const size = await check(page);
      const result = await measure(page);
      results.push(result);
      console.log(`${page.label}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.rps.toFixed(0)}/s, ${Math.round(size / 1024)} KiB${result.errors + result.non2xx ? `, ${result.errors} errors, ${result.non2xx} non-2xx` : ''}`);
    }
    byScale.set(scale, results);
  }
} finally {
  await stopServer(server);
  await handle.close();
  await database.drop();
}

const first = byScale.get(scales[0]!)!;
const last = byScale.get(scales.at(-1)!)!;
console.log(`\n| page | ${scales.map((s) => `p50 ${s}× ms | p99 ${s}× ms`).join(' | ')} | p50 ${scales.at(-1)}×/${scales[0]}× |`);
console.log(`| --- | ${scales.map(() => '---: | ---:').join(' | ')} | ---: |`);
pages.forEach((page, i) => {
  const cells = scales.map((s) => `${byScale.get(s)![i]!.p50} | ${byScale.get(s)![i]!.p99}`).join(' | ');
  const growth = last[i]!.p50 / Math.max(first[i]!.p50, 1);
  console.log(`| ${page.label} | ${cells} | ${growth.toFixed(2)} |`);
});
console.log('\nGoal: every page p50 under 100 ms at 100×, and at most 2× its 1× time.');
