/**
 * npm run bench:register: registrations into one published session with a very large capacity,
 * each request a new person (the full work: transaction, seat counter, registration, outbox
 * row), against GET /api/health in the same run, in three alternating rounds of 10 seconds each;
 * then a burst of 1,000 simultaneous registrations into 40 seats. The sessions have no per-address
 * limit (every request comes from here) and no confirmation by email.
 */
import { trainingSessions, workshops } from '@/db/schema';
import { createBenchDatabase } from './bench-database';
import { load, printTable, startServer, stopServer, type TLoadResult } from './harness';

const port = Number(process.env.BENCH_PORT ?? 3301);
const ROUNDS = 3;
const database = await createBenchDatabase('register');

async function seed() {
  const handle = await database.open();
  await handle.migrate();
  const [workshop] = await handle.db
    .insert(workshops)
    .values({ slug: 'bench-registration', title: 'Benchmark registration', summary: 'Benchmark', status: 'published', publishedAt: new Date() })
    .returning({ id: workshops.id });
  const now = Date.now();
  const session = (capacity: number) => ({
    workshopId: workshop!.id,
    startsAt: new Date(now + 30 * 86_400_000),
    endsAt: new Date(now + 30 * 86_400_000 + 3 * 3_600_000),
    timeZone: 'America/Chicago',
    capacity,
    venueName: 'Training room',
    registrationOpensAt: new Date(now - 3_600_000),
    registrationClosesAt: new Date(now + 30 * 86_400_000),
    // Every request comes from this one machine, which the default of 10 places per address would stop.
    maxRegistrationsPerAddress: null,
  });
  const [big, burst] = await handle.db
    .insert(trainingSessions)
    .values([session(1_000_000), session(40)])
    .returning({ id: trainingSessions.id });
  await handle.close();
  return { bigId: big!.id, burstId: burst!.id };
}

const { bigId, burstId } = await seed();
console.log(`Database: ${database.label}.`);
const server = await startServer({ ...database.serverEnv, REGISTRATION_LIMIT_PER_IP: '100000000' }, port);
try {
  const base = `http://localhost:${port}`;
  let person = 0;
  const registration = (sessionId: string, label: string): Parameters<typeof load>[1] => ({
    url: `${base}/api/v1/sessions/${sessionId}/registrations`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          person += 1;
          return { ...request, body: JSON.stringify({ name: `Officer ${label} ${person}`, email: `officer-${label}-${person}@bench.example`, agency: 'Riverside PD' }) };
        },
      },
    ],
  });
  console.log('Warming up…');
  await load('warm-up registration', { ...registration(bigId, 'warm'), duration: 3 });
  await load('warm-up health', { url: `${base}/api/health`, duration: 3 });
  // Rounds of each, alternating: a machine's throughput drifts by 10-20% between windows of a few
  // seconds, and one window of each would measure that drift as much as the route.
  const rounds: { registered: TLoadResult; health: TLoadResult; ratio: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const registered = await load(`POST registration, round ${round}`, registration(bigId, `run${round}`));
    const health = await load(`GET /api/health, round ${round}`, { url: `${base}/api/health` });
    rounds.push({ registered, health, ratio: registered.rps / health.rps });
  }
  printTable(rounds.flatMap(({ registered, health }) => [registered, health]));
  console.log('');
  for (const [i, { ratio }] of rounds.entries()) console.log(`round ${i + 1}: ratio registration/health ${ratio.toFixed(2)}`);
  const ratios = rounds.map(({ ratio }) => ratio).sort((a, b) => a - b);
  console.log(`\nratio registration/health: ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)} (median of ${ROUNDS} rounds; target at least 0.5)`);

  const statuses = await Promise.all(
    Array.from({ length: 1000 }, async (_, i) => {
      const response = await fetch(`${base}/api/v1/sessions/${burstId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Burst ${i}`, email: `burst-${i}@bench.example` }),
      });
      return response.ok ? ((await response.json()) as { status: string }).status : `HTTP ${response.status}`;
    }),
  );
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const after = (await (await fetch(`${base}/api/v1/sessions/${burstId}`)).json()) as { seatsLeft: number; waitlistCount: number };
  console.log(
    `\nburst: 1000 simultaneous registrations into 40 seats: ${count('confirmed')} confirmed, ${count('waitlisted')} waitlisted, ${1000 - count('confirmed') - count('waitlisted')} other; the session reports ${after.seatsLeft} seats left and ${after.waitlistCount} waiting` +
      (count('confirmed') === 40 && after.seatsLeft === 0 ? ' (exactly 40 confirmed)' : ' (WRONG: expected exactly 40 confirmed)'),
  );
} finally {
  await stopServer(server);
  await database.drop();
}
