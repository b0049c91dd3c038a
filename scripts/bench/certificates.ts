/**
 * npm run bench:certificates: close the roster of one past session with 500 attendees and issue
 * their certificates (render, hash, store, queue the emails) in one call, as the trainer's button
 * and the API do; print the total time, certificates per second, the median render time and the
 * peak memory, against the target of 500 in under 10 s with peak RSS under 1 GB. Then check the
 * outcome: one certificate and one queued email per attendee.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { agencies, certificates, mailOutbox, registrations, sessionFacilitators, trainingSessions, users, workshops } from '@/db/schema';
import { sha256Hex } from '@/lib/certificates/hash';
import { issueCertificates } from '@/lib/certificates/issue';
import { renderCertificatePdf } from '@/lib/certificates/render-pdf';
import { createBenchDatabase } from './bench-database';

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 500);
const TARGET_SECONDS = 10;
const TARGET_RSS_MB = 1024;
const RENDER_SAMPLE = 50;
const HOUR = 3_600_000;

const FIRST = ['Łukasz', 'Nguyễn Thị', 'Zoë', 'Ana', 'Sam', 'Jordan', 'Søren', 'Mărioara', 'José', 'Ólöf', 'Chidi', 'Priya', 'Željko', 'Aoife', 'Björn', 'Dương', 'Émilie', 'Kwame', 'Iñaki', 'Hana'];
const LAST = ['Żółć', 'Minh Khai', "O'Brien-Ånström", 'Ruiz', 'Lee', 'Okafor', 'Kowalczyk', 'Nørgaard', 'Ştefănescu', 'Müller', 'Đặng', 'Ní Bhriain', 'García', 'Håkansson', 'Novák', 'Rivera', 'Çelik', 'Brennan', 'Yılmaz', 'Tremblay', 'Šimková', 'Van der Berg', 'Ng', 'Łęcka', 'Patel'];

/** Distinct names, many with letters outside ASCII, in the same order every run. */
function attendeeName(i: number): string {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const round = Math.floor(i / (FIRST.length * LAST.length));
  return round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
}

async function seed(db: Awaited<ReturnType<typeof database.open>>['db']) {
  const [trainer] = await db
    .insert(users)
    .values({ email: 'trainer@bench.example', name: 'Dr Ana Ruiz', role: 'trainer', certificatePaper: 'a4' })
    .returning({ id: users.id });
  const [agency] = await db.insert(agencies).values({ name: 'Riverside Police Department', kind: 'police_department' }).returning({ id: agencies.id });
  const [workshop] = await db
    .insert(workshops)
    .values({
      slug: 'bench-certificates',
      title: 'Trauma-informed interviewing for first responders',
      summary: 'Benchmark',
      status: 'published',
      publishedAt: new Date(),
      creditHours: 3.5,
      creditCategory: 'Trauma-informed practice',
    })
    .returning({ id: workshops.id });
  const startsAt = new Date(Date.now() - 26 * HOUR);
  const [session] = await db
    .insert(trainingSessions)
    .values({
      workshopId: workshop!.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3.5 * HOUR),
      timeZone: 'America/Chicago',
      venueName: 'Training room',
      capacity: ATTENDEES,
      confirmedCount: ATTENDEES,
      registrationOpensAt: new Date(startsAt.getTime() - 30 * 24 * HOUR),
      registrationClosesAt: startsAt,
      partnerAgencyId: agency!.id,
    })
    .returning({ id: trainingSessions.id });
  const sessionId = session!.id;
  await db.insert(sessionFacilitators).values([
    { sessionId, name: 'Dr Ana Ruiz', userId: trainer!.id, position: 0 },
    { sessionId, name: 'Sam Lee', position: 1 },
  ]);
  const recordedAt = new Date(startsAt.getTime() + HOUR);
  await db.insert(registrations).values(
    Array.from({ length: ATTENDEES }, (_, i) => ({
      sessionId,
      name: attendeeName(i),
      email: `officer-${i}@bench.example`,
      agency: 'Riverside Police Department',
      agencyId: agency!.id,
      status: 'confirmed' as const,
      confirmedAt: new Date(startsAt.getTime() - 7 * 24 * HOUR),
      manageTokenHash: randomBytes(32).toString('hex'),
      attendance: 'attended' as const,
      attendanceRecordedAt: recordedAt,
      attendanceRecordedBy: trainer!.id,
    })),
  );
  return { trainerActor: { id: trainer!.id, role: 'trainer' as const }, sessionId };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

const database = await createBenchDatabase('certificates');
const handle = await database.open();
let failed = false;
try {
  await handle.migrate();
  const { db } = handle;
  const { trainerActor, sessionId } = await seed(db);
  console.log(`Database: ${database.label}. Session of ${ATTENDEES} attendees, all marked attended.`);

  // The embedded database alone holds several hundred MB before anything is issued.
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const progress: number[] = [];
  const started = performance.now();
  const result = await issueCertificates(db, trainerActor, sessionId, {
    onProgress: (done) => {
      if (done > 0) progress.push(performance.now());
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  // Gaps between progress calls: drafting, rendering and hashing one certificate (the few gaps
  // that span a batch's INSERT are outliers the median ignores).
  const perCertificate = progress.slice(1).map((at, i) => at - progress[i]!);

  const [stored] = await db.select({ n: count() }).from(certificates).where(eq(certificates.sessionId, sessionId));
  const [queued] = await db
    .select({ n: count() })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.sessionId, sessionId), eq(mailOutbox.template, 'certificate-issued')));

  // Rendered again from stored records: the render time on its own, and proof that a PDF made
  // later from the database is byte for byte the one whose hash was stored.
  const sample = await db
    .select()
    .from(certificates)
    .where(inArray(certificates.code, result.issued.slice(0, RENDER_SAMPLE).map((c) => c.code.replaceAll('-', ''))));
  const renderTimes: number[] = [];
  let sameHash = 0;
  let storedMatches = 0;
  for (const certificate of sample) {
    if (sha256Hex(certificate.pdf) === certificate.pdfSha256) storedMatches += 1;
    const t = performance.now();
    const pdf = await renderCertificatePdf(certificate);
    renderTimes.push(performance.now() - t);
    if (sha256Hex(pdf) === certificate.pdfSha256) sameHash += 1;
  }

  const total = result.issued.length;
  const fast = total === ATTENDEES && seconds < TARGET_SECONDS;
  const lean = mb(peakRss) < TARGET_RSS_MB;
  console.log('');
  console.log('| figure | value |');
  console.log('| --- | ---: |');
  console.log(`| certificates issued | ${total} |`);
  console.log(`| total time | ${seconds.toFixed(2)} s |`);
  console.log(`| certificates per second | ${(total / seconds).toFixed(1)} |`);
  console.log(`| median render (renderCertificatePdf alone, ${renderTimes.length} stored records) | ${median(renderTimes).toFixed(2)} ms |`);
  console.log(`| median per certificate inside issuing (draft, render, hash; from onProgress) | ${median(perCertificate).toFixed(2)} ms |`);
  console.log(`| peak RSS (whole process) | ${mb(peakRss).toFixed(0)} MB |`);
  console.log(`| RSS before issuing (database open, roster seeded) | ${mb(rssBefore).toFixed(0)} MB |`);
  console.log('');
  console.log(
    `${fast && lean ? 'PASS' : 'MISS'}: ${total} certificates in ${seconds.toFixed(2)} s (target ${ATTENDEES} in under ${TARGET_SECONDS} s), ` +
      `peak RSS ${mb(peakRss).toFixed(0)} MB (target under ${TARGET_RSS_MB} MB)`,
  );

  const checks: [string, boolean][] = [
    [`${stored?.n ?? 0} certificate rows for the session (expected ${ATTENDEES})`, stored?.n === ATTENDEES],
    [`${queued?.n ?? 0} queued 'certificate-issued' emails (expected ${ATTENDEES})`, queued?.n === ATTENDEES],
    [`${result.alreadyIssued} already issued before the run (expected 0)`, result.alreadyIssued === 0],
    [`${storedMatches} of ${sample.length} stored PDFs match the stored SHA-256`, storedMatches === sample.length && sample.length > 0],
    [`${sameHash} of ${sample.length} PDFs rendered again from the stored record match the stored SHA-256`, sameHash === sample.length && sample.length > 0],
  ];
  for (const [text, ok] of checks) {
    console.log(`${ok ? 'ok' : 'WRONG'}: ${text}`);
    if (!ok) failed = true;
  }
} finally {
  await handle.close();
  await database.drop();
}
if (failed) process.exitCode = 1;
