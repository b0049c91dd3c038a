import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, sessionFacilitators, trainingSessions, users, workshops } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

/** Everything a session's certificates print that is the same for every holder. */
export type TIssueContext = {
  session: {
    id: string;
    status: 'scheduled' | 'cancelled';
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    rosterClosedAt: Date | null;
  };
  workshop: { title: string; creditHours: number; creditCategory: string; minimumCertificateHours: number | null };
  /** Names in the session's order, as printed: "Dr Ana Ruiz, Sam Lee". */
  facilitators: string;
  /** The partner agency of a joint session; '' otherwise. */
  partnerAgency: string;
};

/**
 * Loads a session for issuing and locks its row for the rest of the transaction, so two trainers
 * (or one double click) issuing at once run one after the other and the second finds the first's
 * certificates.
 */
export async function lockIssueContext(tx: Db, sessionId: string): Promise<TIssueContext | undefined> {
  const [row] = await tx
    .select({
      id: trainingSessions.id,
      status: trainingSessions.status,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      timeZone: trainingSessions.timeZone,
      rosterClosedAt: trainingSessions.rosterClosedAt,
      title: workshops.title,
      creditHours: workshops.creditHours,
      creditCategory: workshops.creditCategory,
      minimumCertificateHours: workshops.minimumCertificateHours,
      partnerAgency: agencies.name,
    })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(agencies, eq(agencies.id, trainingSessions.partnerAgencyId))
    .where(eq(trainingSessions.id, sessionId))
    .for('update', { of: trainingSessions });
  if (!row) return undefined;
  const facilitators = await tx
    .select({ name: sessionFacilitators.name })
    .from(sessionFacilitators)
    .where(eq(sessionFacilitators.sessionId, sessionId))
    .orderBy(asc(sessionFacilitators.position), asc(sessionFacilitators.id));
  return {
    session: {
      id: row.id,
      status: row.status,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timeZone: row.timeZone,
      rosterClosedAt: row.rosterClosedAt,
    },
    workshop: {
      title: row.title,
      creditHours: row.creditHours,
      creditCategory: row.creditCategory,
      minimumCertificateHours: row.minimumCertificateHours,
    },
    facilitators: facilitators.map((f) => f.name.trim()).filter(Boolean).join(', '),
    partnerAgency: row.partnerAgency ?? '',
  };
}

/** Refuses what cannot have attendees to certify: a cancelled session, or one that has not begun. */
export function assertIssuable(session: TIssueContext['session'], now: Date): void {
  if (session.status === 'cancelled') {
    throw new AppError('session_cancelled', 'This session was cancelled, so there are no certificates to issue.', 409);
  }
  if (session.startsAt.getTime() > now.getTime()) {
    throw new AppError(
      'session_not_started',
      'This session has not started yet. Certificates can be issued once it has begun and attendance is recorded.',
      409,
    );
  }
}

export type TIssuer = { id: string; issuer: string; paper: 'a4' | 'letter' };

/** The trainer as the certificate names them, and the paper they print on. */
export async function loadIssuer(tx: Db, trainerId: string): Promise<TIssuer> {
  const [user] = await tx
    .select({ name: users.name, email: users.email, paper: users.certificatePaper })
    .from(users)
    .where(eq(users.id, trainerId));
  const name = user?.name?.trim();
  return { id: trainerId, issuer: name || user?.email || 'Muster', paper: user?.paper ?? 'a4' };
}
