import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { registrations, users } from '@/db/schema';
import { createAgency } from '@/lib/agencies/agencies';
import { nominateOfficers } from '@/lib/agencies/nominations';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createSession } from '@/lib/sessions/sessions';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createPublishedWorkshop, outboxFor } from '@/test/registration-fixtures';
import { decideApproval, releaseExpiredApprovals } from './approval';
import { confirmHeldPlace } from './hold';
import { listRegistrationsForTrainer } from './queries';
import { registerForSession } from './register';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 3_600_000;

describe.each(testDrivers)('approval before a place is confirmed on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let coordinator: TActor;
  let otherCoordinator: TActor;
  let springfield: string;
  let workshopId: string;
  let n = 0;
  const session = async (values: Record<string, unknown>) =>
    (
      await createSession(db, trainer, workshopId, {
        startsAt: new Date(Date.now() + (30 + ++n) * DAY).toISOString(),
        endsAt: new Date(Date.now() + (30 + n) * DAY + 3 * HOUR).toISOString(),
        timeZone: 'America/Chicago',
        venue: { name: 'Training Room 2', address: '100 Main Street', directions: '', accessibility: '' },
        partnerAgencyId: springfield,
        requireEmailConfirmation: false,
        maxRegistrationsPerAddress: null,
        ...values,
      })
    ).id;
  const member = () => ({ name: `Member ${++n}`, email: `member${n}@springfieldpd.gov` });
  const outsider = () => ({ name: `Outsider ${++n}`, email: `outsider${n}@example.org` });
  const rowOf = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
  const mailTo = async (sessionId: string, template: string, to: string) => (await outboxFor(db, sessionId, [template])).filter((m) => m.toAddress === to);
  const tokenIn = (url: unknown) => String(url).split('/approvals/')[1]!;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'approval-trainer@example.org');
    springfield = (await createAgency(db, trainer, { name: 'Springfield PD', kind: 'police_department', emailDomains: ['springfieldpd.gov'] })).id;
    const shelbyville = (await createAgency(db, trainer, { name: 'Shelbyville SO', kind: 'sheriffs_office', emailDomains: ['shelbyvilleso.gov'] })).id;
    const [a] = await db.insert(users).values({ email: 'coordinator@springfieldpd.gov', role: 'coordinator', coordinatorAgencyId: springfield }).returning({ id: users.id });
    const [b] = await db.insert(users).values({ email: 'coordinator@shelbyvilleso.gov', role: 'coordinator', coordinatorAgencyId: shelbyville }).returning({ id: users.id });
    coordinator = { id: a!.id, role: 'coordinator' };
    otherCoordinator = { id: b!.id, role: 'coordinator' };
    workshopId = await createPublishedWorkshop(db, `approval-${driver}`, 'Joint investigations');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('holds a self-registration for the agency’s coordinator, who approves from the emailed link once; then the invite goes out', async () => {
    const id = await session({ capacity: 2, approval: 'coordinator' });
    const officer = member();
    const result = await registerForSession(db, null, id, officer);
    expect(result.status).toBe('pending_approval');
    const row = await rowOf(result.id);
    expect(row.status).toBe('confirmed');
    expect(Math.abs(row.approvalExpiresAt!.getTime() - Date.now() - 72 * HOUR)).toBeLessThan(60_000);
    expect(row.approverAgencyId).toBe(springfield);

    expect(await mailTo(id, 'registration-confirmed', officer.email)).toEqual([]);
    const [pending] = await mailTo(id, 'registration-pending', officer.email);
    expect(pending?.props).toMatchObject({ approver: 'your coordinator at Springfield PD', waitlistPosition: null });
    const [request] = await mailTo(id, 'approval-requested', 'coordinator@springfieldpd.gov');
    expect(request?.subject).toBe(`Approve a place: ${officer.name}, Joint investigations`);
    const roster = await listRegistrationsForTrainer(db, trainer, id);
    expect(roster.find((r) => r.id === result.id)?.status).toBe('pending_approval');

    const token = tokenIn(request!.props.decideUrl);
    expect(await decideApproval(db, { token }, 'approve')).toMatchObject({ kind: 'approved', name: officer.name });
    const [confirmed] = await mailTo(id, 'registration-confirmed', officer.email);
    expect(confirmed?.props).toMatchObject({ invite: { method: 'REQUEST' } });
    expect((await rowOf(result.id)).approvalExpiresAt).toBeNull();
    // The link works once.
    expect((await decideApproval(db, { token }, 'decline')).kind).toBe('unknown');
    expect((await rowOf(result.id)).status).toBe('confirmed');
  });

  it('frees a declined place to the next in line, who still waits for approval, and tells the officer why without an invite', async () => {
    const id = await session({ capacity: 1, approval: 'trainer' });
    const first = outsider();
    const second = outsider();
    const a = await registerForSession(db, null, id, first);
    const b = await registerForSession(db, null, id, second);
    expect([(await rowOf(a.id)).status, (await rowOf(b.id)).status]).toEqual(['confirmed', 'waitlisted']);
    expect((await mailTo(id, 'registration-pending', second.email))[0]?.props).toMatchObject({ approver: 'the trainer', waitlistPosition: 1 });
    expect(await mailTo(id, 'approval-requested', 'approval-trainer@example.org')).toHaveLength(2);

    // Only the trainer decides here: no coordinator (told nothing more than of no request), officer or stranger.
    expect((await refusal(decideApproval(db, { actor: coordinator, registrationId: a.id }, 'decline'))).status).toBe(404);
    expect((await refusal(decideApproval(db, { actor: null, registrationId: a.id }, 'decline'))).status).toBe(401);
    expect((await decideApproval(db, { actor: trainer, registrationId: a.id }, 'decline')).kind).toBe('declined');

    const [told] = await mailTo(id, 'registration-cancelled', first.email);
    expect(told?.subject).toMatch(/^Not approved: Joint investigations/);
    expect(told?.props).toMatchObject({ by: 'declined', approver: 'the trainer', wasConfirmed: false });
    expect(told?.props).not.toHaveProperty('invite');
    const promoted = await rowOf(b.id);
    expect(promoted.status).toBe('confirmed');
    expect(promoted.approvalExpiresAt).not.toBeNull();
    expect(await mailTo(id, 'registration-confirmed', second.email)).toEqual([]);
  });

  it('lets a request run out after 72 hours, never past the release of reserved seats, and frees the place', async () => {
    const releaseAt = new Date(Date.now() + 2 * DAY);
    const id = await session({ capacity: 3, approval: 'coordinator', allotments: [{ agencyId: springfield, seats: 2 }], allotmentsReleaseAt: releaseAt.toISOString() });
    const officer = member();
    const result = await registerForSession(db, null, id, officer);
    expect((await rowOf(result.id)).approvalExpiresAt?.getTime()).toBe(releaseAt.getTime());

    expect(await releaseExpiredApprovals(db, new Date(releaseAt.getTime() - 1000))).toBe(0);
    expect(await releaseExpiredApprovals(db, new Date(releaseAt.getTime() + 1000))).toBe(1);
    expect((await rowOf(result.id)).status).toBe('cancelled');
    expect((await mailTo(id, 'registration-cancelled', officer.email))[0]?.props).toMatchObject({ by: 'expired' });
  });

  it('needs no approval for a coordinator’s nominations; another agency’s coordinator cannot decide', async () => {
    const id = await session({ capacity: 5, approval: 'coordinator' });
    const [nominated] = await nominateOfficers(db, coordinator, id, [{ ...member(), badgeNumber: '' }]);
    expect(nominated?.status).toBe('confirmed');
    expect((await rowOf(nominated!.registrationId)).approvalExpiresAt).toBeNull();

    const asked = await registerForSession(db, null, id, member());
    expect((await refusal(decideApproval(db, { actor: otherCoordinator, registrationId: asked.id }, 'approve'))).status).toBe(404);
    expect((await refusal(decideApproval(db, { actor: { id: coordinator!.id, role: 'officer' }, registrationId: asked.id }, 'approve'))).status).toBe(403);
    expect((await decideApproval(db, { actor: coordinator, registrationId: asked.id }, 'approve')).kind).toBe('approved');
  });

  it('asks for approval once a place held for its email is confirmed', async () => {
    const id = await session({ capacity: 5, approval: 'trainer', requireEmailConfirmation: true });
    const officer = outsider();
    await expect(registerForSession(db, null, id, officer)).resolves.toMatchObject({ status: 'held' });
    const [confirm] = await mailTo(id, 'registration-confirm-place', officer.email);
    const token = new URL(String(confirm!.props.confirmUrl)).searchParams.get('token')!;
    expect((await confirmHeldPlace(db, token)).kind).toBe('confirmed');
    expect(await mailTo(id, 'registration-pending', officer.email)).toHaveLength(1);
    expect(await mailTo(id, 'registration-confirmed', officer.email)).toEqual([]);
  });
});
