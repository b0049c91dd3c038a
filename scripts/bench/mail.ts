/**
 * npm run bench:mail: how fast one Muster process delivers its outbox to a local SMTP server.
 * Queues 2,000 confirmations (with invite and check-in QR code), 500 certificate emails (with
 * their PDFs) and one announcement to 2,000 people while no SMTP server runs, then starts one (in
 * a process of its own) and lets the mail worker, configured as the web server configures it,
 * deliver each kind in turn. Prints messages per second, this process's CPU per message and the
 * time to drain, per kind. Runs with NODE_ENV=production, as `npm start` does. On PostgreSQL the
 * database's own CPU is not in the figure; on the embedded database it is.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { mailOutbox, registrations, sessionFacilitators, trainingSessions, users, workshops } from '@/db/schema';
import { issueCertificates } from '@/lib/certificates/issue';
import { createSmtpTransport } from '@/lib/mail/transport';
import { createMailWorker } from '@/lib/mail/worker';
import { registerForSession } from '@/lib/registrations/register';
import { announceToSession } from '@/lib/roster/announce';
import { createBenchDatabase } from './bench-database';
import { startCountingSink } from './harness';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';

const CONFIRMATIONS = Number(process.env.BENCH_CONFIRMATIONS ?? 2000);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 500);
const SINK_PORT = Number(process.env.BENCH_SINK_PORT ?? 2625);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Production refuses to start without SMTP; the links the seed signs read the configuration.
process.env.SMTP_URL ??= `smtp://127.0.0.1:${SINK_PORT}`;

const database = await createBenchDatabase('mail');
const handle = await database.open();
const { db } = handle;

async function seed() {
  const [trainer] = await db.insert(users).values({ email: 'trainer@bench.example', name: 'Dr Ana Ruiz', role: 'trainer' }).returning({ id: users.id });
  const actor = { id: trainer!.id, role: 'trainer' as const };
  const [workshop] = await db
    .insert(workshops)
    .values({ slug: 'bench-mail', title: 'Trauma-informed interviewing', summary: 'Benchmark', status: 'published', publishedAt: new Date(), creditHours: 3, whatToBring: 'A notebook' })
    .returning({ id: workshops.id });
  const startsAt = new Date(Date.now() + 30 * DAY);
  const session = (at: Date, capacity: number) => ({
    workshopId: workshop!.id,
    startsAt: at,
    endsAt: new Date(at.getTime() + 3 * HOUR),
    timeZone: 'America/Chicago',
    venueName: 'Riverside Training Center',
    venueAddress: '100 River St, Riverside',
    capacity,
    registrationOpensAt: new Date(Date.now() - DAY),
    registrationClosesAt: at,
    maxRegistrationsPerAddress: null,
  });
  const past = new Date(Date.now() - 2 * DAY);
  const [upcoming, done] = await db.insert(trainingSessions).values([session(startsAt, CONFIRMATIONS), session(past, CERTIFICATES)]).returning({ id: trainingSessions.id });
  await db.insert(sessionFacilitators).values({ sessionId: done!.id, name: 'Dr Ana Ruiz', userId: trainer!.id, position: 0 });
  for (let i = 0; i < CONFIRMATIONS; i++) {
    await registerForSession(db, actor, upcoming!.id, { name: `Officer ${i} Łukasz`, email: `officer-${i}@bench.example`, agency: 'Riverside PD' });
  }
  await announceToSession(db, actor, upcoming!.id, { subject: 'Parking', message: 'The car park behind the building is closed on the day: please use the one on River St.' });
  await db.insert(registrations).values(
    Array.from({ length: CERTIFICATES }, (_, i) => ({
      sessionId: done!.id,
      name: `Attendee ${i} Nguyễn`,
      email: `attendee-${i}@bench.example`,
      status: 'confirmed' as const,
      confirmedAt: new Date(past.getTime() - 7 * DAY),
      manageTokenHash: randomBytes(32).toString('hex'),
      attendance: 'attended' as const,
      attendanceRecordedAt: new Date(past.getTime() + HOUR),
      attendanceRecordedBy: trainer!.id,
    })),
  );
  await db.update(trainingSessions).set({ confirmedCount: CERTIFICATES }).where(eq(trainingSessions.id, done!.id));
  await issueCertificates(db, actor, done!.id);
}

type TKind = { label: string; templates: string[]; goal: string };
const kinds: TKind[] = [
  { label: `${CONFIRMATIONS} confirmations`, templates: ['registration-confirmed'], goal: '≥ 300/s, ≤ 3 ms CPU each' },
  { label: `${CERTIFICATES} certificate emails`, templates: ['certificate-issued'], goal: `all in < 5 s` },
  { label: `announcement to ${CONFIRMATIONS}`, templates: ['session-announcement'], goal: `all in < 10 s` },
];

let failed = false;
try {
  await handle.migrate();
  console.log(`Database: ${database.label}. Queuing mail with no SMTP server running…`);
  await seed();
  // Everything waits until its kind's turn, so each is measured on its own.
  await db.update(mailOutbox).set({ dueAt: new Date(Date.now() + 365 * DAY) }).where(eq(mailOutbox.status, 'pending'));
  // The SMTP server starts only once everything is queued.
  const sink = await startCountingSink(SINK_PORT);
  const worker = createMailWorker({ parts: mailDeliveryParts, db, transport: createSmtpTransport(`smtp://127.0.0.1:${SINK_PORT}`), from: 'Muster <training@bench.example>', log: { warn: () => {}, error: console.error } });
  const rows: string[] = [];
  for (const kind of kinds) {
    const released = await db
      .update(mailOutbox)
      .set({ dueAt: new Date() })
      .where(and(inArray(mailOutbox.template, kind.templates), eq(mailOutbox.status, 'pending')))
      .returning({ id: mailOutbox.id });
    const before = await sink.accepted();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await worker.runOnce();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const received = (await sink.accepted()) - before;
    if (result.sent !== released.length || received !== released.length) failed = true;
    rows.push(
      `| ${kind.label} | ${result.sent} of ${released.length} | ${(result.sent / seconds).toFixed(0)} | ${(cpuMs / Math.max(1, result.sent)).toFixed(1)} | ${seconds.toFixed(1)} | ${kind.goal} |`,
    );
  }
  const [left] = await db.select({ n: count() }).from(mailOutbox).where(and(ne(mailOutbox.status, 'sent'), sql`${mailOutbox.dueAt} <= now()`));
  await worker.stop();
  sink.stop();
  console.log('\n| kind | sent | messages/s | CPU ms per message (this process) | seconds to drain | goal |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`\nRSS of this process at the end: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB. Rows due and not sent: ${left!.n}.`);
  if (failed) console.error('Not every released message was accepted by the SMTP server exactly once.');
} finally {
  await handle.close();
  await database.drop();
}
process.exit(failed ? 1 : 0);
