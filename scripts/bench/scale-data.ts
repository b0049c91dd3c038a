/**
 * The data bench:scale measures against, written with set-based SQL so 100 times a busy practice
 * loads in a minute. One unit is a busy practice: 50 workshops, 500 sessions (a fifth past),
 * 10,000 registrations, 2,000 certificates, 20 agencies with 500 officers. Units add up: growing
 * from 1× to 10× adds units 1–9. Ids are derived from each row's number, so rows of later units
 * can refer to earlier ones without looking them up.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRows } from '@/db/client';

const PER_UNIT = { workshops: 50, sessions: 500, registrations: 10_000, certificates: 2_000, agencies: 20, officers: 500 };

/** Fixed people and sessions every scale measures, so a page's work stays the same while the rest grows. */
export const FIXED = {
  trainerEmail: 'bench-trainer@muster.example',
  coordinatorEmail: 'coordinator@metro.example',
  officerEmail: 'veteran@metro.example',
  bigAgencyOfficers: 5_000,
  rosterPeople: 2_000,
  checkInPeople: 300,
  officerCertificates: 200,
};

const id = (kind: string, n: string) => sql.raw(`md5('${kind}' || ${n})::uuid`);

/** Past sessions are the first 100 of every 500, numbered 0, 1, … across units. */
const pastSession = (n: string) => `(500 * ((${n}) / 100) + (${n}) % 100)`;

export async function addUnits(db: Db, from: number, to: number): Promise<void> {
  const range = (per: number) => sql.raw(`generate_series(${from * per}, ${to * per - 1})`);
  await db.execute(sql`
    insert into agencies (id, name, kind, email_domains)
    select ${id('a', 'n')}, 'Agency ' || n, 'police_department', jsonb_build_array('agency-' || n || '.example')
    from ${range(PER_UNIT.agencies)} n`);
  await db.execute(sql`
    insert into workshops (id, slug, title, summary, topics, credit_hours, credit_category, status, published_at, owner_id)
    select ${id('w', 'n')}, 'scale-workshop-' || n,
      'Workshop ' || n || ': ' || (array['trauma-informed interviewing', 'child protection', 'domestic violence', 'bullying prevention'])[1 + n % 4],
      'A workshop of the scale benchmark, with a summary of ordinary length for the catalogue.',
      jsonb_build_array((array['trauma-informed care', 'child protection', 'domestic violence', 'bullying prevention'])[1 + n % 4]),
      3, 'POST continuing education', 'published', now(), (select id from users where email = ${FIXED.trainerEmail})
    from ${range(PER_UNIT.workshops)} n`);
  // Sessions 0–99 of every 500 are past (1 to 100 days ago), the rest spread over the 400 days from
  // tomorrow: none runs today, so the fixed session starting within the hour heads the dashboard.
  await db.execute(sql`
    insert into training_sessions (id, workshop_id, starts_at, ends_at, time_zone, capacity, confirmed_count, venue_name, venue_address, registration_opens_at, registration_closes_at)
    select ${id('s', 'n')}, ${id('w', 'n / 10')}, t, t + interval '3 hours', 'America/Chicago', 30, 20, 'Training room ' || n % 12, '100 Main Street',
      t - interval '120 days', t
    from ${range(PER_UNIT.sessions)} n,
      lateral (select date_trunc('day', now()) + ((n % 500) - case when n % 500 < 100 then 100 else 99 end) * interval '1 day' + (n % 7) * interval '1 hour' as t) starts`);
  // Twenty people a session, each an officer of one of the agencies so far; attended when past.
  await db.execute(sql`
    insert into registrations (id, session_id, name, email, agency, status, confirmed_at, manage_token_hash, attendance, attendance_recorded_at)
    select ${id('r', 'n')}, ${id('s', 'n / 20')}, 'Officer ' || o, 'officer-' || o || '@agency-' || o % ${sql.raw(String(to * PER_UNIT.agencies))} || '.example',
      'Agency ' || o % ${sql.raw(String(to * PER_UNIT.agencies))}, 'confirmed', now(), 'scale-' || n,
      case when (n / 20) % 500 < 100 then 'attended'::attendance_status end,
      case when (n / 20) % 500 < 100 then now() end
    from ${range(PER_UNIT.registrations)} n,
      lateral (select ((n / 20) * 20 + n % 20) % ${sql.raw(String(to * PER_UNIT.officers))} as o) officer`);
  await db.execute(sql`
    insert into certificates (code, registration_id, session_id, holder_name, holder_email, workshop_title, session_starts_at, session_ends_at, time_zone, hours, credit_category, issuer, issued_at, pdf_sha256, pdf)
    select upper(substr(md5('c' || n), 1, 16)), ${id('r', `(${pastSession('n / 20')} * 20 + n % 20)`)}, ${id('s', pastSession('n / 20'))},
      r.name, r.email, 'Workshop', s.starts_at, s.ends_at, s.time_zone, 3, 'POST continuing education', 'Bench Trainer', now(),
      encode(sha256(('c' || n)::bytea), 'hex'), ('%PDF-1.7 ' || n)::bytea
    from ${range(PER_UNIT.certificates)} n
      join registrations r on r.id = ${id('r', `(${pastSession('n / 20')} * 20 + n % 20)`)}
      join training_sessions s on s.id = r.session_id`);
  await db.execute(sql`analyze`);
}

/**
 * The fixed part: the trainer, a 2,000-person roster, a 300-person session starting within the
 * hour, an agency of 5,000 officers with its coordinator, and an officer with 200 certificates.
 * Returns the ids the pages need.
 */
export async function addFixed(db: Db): Promise<{ rosterSessionId: string; checkInSessionId: string; certificateCode: string }> {
  await db.execute(sql`
    insert into users (id, email, name, role) values (gen_random_uuid()::text, ${FIXED.trainerEmail}, 'Bench Trainer', 'trainer'), (gen_random_uuid()::text, ${FIXED.officerEmail}, 'Vera Veteran', 'officer')`);
  await db.execute(sql`
    insert into workshops (id, slug, title, summary, credit_hours, credit_category, status, published_at, owner_id)
    values (${id('w', "'fixed'")}, 'scale-fixed', 'Interviewing children after trauma', 'The fixed workshop of the scale benchmark.', 3, 'POST continuing education', 'published', now(),
      (select id from users where email = ${FIXED.trainerEmail}))`);
  await db.execute(sql`
    insert into agencies (id, name, kind, email_domains) values (${id('a', "'metro'")}, 'Metro Police', 'police_department', '["metro.example"]'::jsonb)`);
  await db.execute(sql`
    insert into users (id, email, name, role, coordinator_agency_id) values (gen_random_uuid()::text, ${FIXED.coordinatorEmail}, 'Casey Coordinator', 'coordinator', ${id('a', "'metro'")})`);
  await db.execute(sql`
    insert into training_sessions (id, workshop_id, starts_at, ends_at, time_zone, capacity, confirmed_count, venue_name, registration_opens_at, registration_closes_at, partner_agency_id)
    values
      (${id('s', "'roster'")}, ${id('w', "'fixed'")}, now() + interval '30 days', now() + interval '30 days 3 hours', 'America/Chicago', ${FIXED.rosterPeople}, ${FIXED.rosterPeople}, 'Arena', now() - interval '10 days', now() + interval '29 days', ${id('a', "'metro'")}),
      (${id('s', "'door'")}, ${id('w', "'fixed'")}, now() + interval '30 minutes', now() + interval '3 hours', 'America/Chicago', ${FIXED.checkInPeople}, ${FIXED.checkInPeople}, 'Hall', now() - interval '10 days', now(), ${id('a', "'metro'")})`);
  // The measured sessions are joint with Metro and their people its officers, so the agency's page has all their records.
  await db.execute(sql`
    insert into registrations (session_id, name, email, agency, status, confirmed_at, manage_token_hash)
    select case when n < ${FIXED.rosterPeople} then ${id('s', "'roster'")} else ${id('s', "'door'")} end,
      'Metro Officer ' || n % ${FIXED.bigAgencyOfficers}, 'officer-' || n % ${FIXED.bigAgencyOfficers} || '@metro.example', 'Metro Police', 'confirmed', now(), 'fixed-' || n
    from generate_series(0, ${FIXED.rosterPeople + FIXED.checkInPeople - 1}) n`);
  // Every Metro officer has attended one past session, the veteran two hundred, each certified.
  await db.execute(sql`
    insert into training_sessions (id, workshop_id, starts_at, ends_at, time_zone, capacity, confirmed_count, venue_name, registration_opens_at, registration_closes_at, partner_agency_id)
    select ${id('s', "'past-' || n")}, ${id('w', "'fixed'")}, t, t + interval '3 hours', 'America/Chicago', 100, 25, 'Hall', t - interval '30 days', t, ${id('a', "'metro'")}
    from generate_series(0, ${FIXED.officerCertificates - 1}) n, lateral (select date_trunc('day', now()) - (n + 1) * interval '2 days' as t) starts`);
  await db.execute(sql`
    insert into registrations (id, session_id, name, email, agency, status, confirmed_at, manage_token_hash, attendance, attendance_recorded_at)
    select ${id('r', "'metro-' || n")}, ${id('s', `'past-' || n % ${FIXED.officerCertificates}`)}, 'Metro Officer ' || n, 'officer-' || n || '@metro.example', 'Metro Police', 'confirmed'::registration_status, now(), 'metro-' || n, 'attended'::attendance_status, now()
    from generate_series(0, ${FIXED.bigAgencyOfficers - 1}) n
    union all
    select ${id('r', "'veteran-' || n")}, ${id('s', "'past-' || n")}, 'Vera Veteran', ${FIXED.officerEmail}, 'Metro Police', 'confirmed'::registration_status, now(), 'veteran-' || n, 'attended'::attendance_status, now()
    from generate_series(0, ${FIXED.officerCertificates - 1}) n`);
  await db.execute(sql`
    insert into certificates (code, registration_id, session_id, holder_name, holder_email, workshop_title, session_starts_at, session_ends_at, time_zone, hours, credit_category, issuer, issued_at, pdf_sha256, pdf)
    select upper(substr(md5('fixed' || r.id), 1, 16)), r.id, r.session_id, r.name, r.email, 'Interviewing children after trauma', s.starts_at, s.ends_at, s.time_zone, 3,
      'POST continuing education', 'Bench Trainer', s.ends_at, encode(sha256(r.id::text::bytea), 'hex'), ('%PDF-1.7 ' || r.id)::bytea
    from registrations r join training_sessions s on s.id = r.session_id
    where r.manage_token_hash like 'metro-%' or r.manage_token_hash like 'veteran-%'`);
  const [code] = await queryRows<{ code: string }>(db, sql`select code from certificates where holder_email = ${FIXED.officerEmail} order by code limit 1`);
  const ids = await queryRows<{ roster: string; door: string }>(db, sql`select ${id('s', "'roster'")}::text as roster, ${id('s', "'door'")}::text as door`);
  return { rosterSessionId: ids[0]!.roster, checkInSessionId: ids[0]!.door, certificateCode: code!.code };
}

/** A signed-in browser's cookie for a person, as Auth.js keeps sessions in the database. */
export async function sessionCookie(db: Db, email: string): Promise<string> {
  const token = `bench-${email}-${Date.now()}`;
  await db.execute(sql`
    insert into session (session_token, user_id, expires) values (${token}, (select id from users where email = ${email}), now() + interval '1 day')`);
  return `authjs.session-token=${token}`;
}
