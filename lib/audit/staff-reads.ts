import 'server-only';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { recordAudit } from './record';

export type TStaffRead =
  | { action: 'roster.viewed'; sessionId: string; via: 'page' | 'api'; people: number }
  | { action: 'check_in.viewed'; sessionId: string; people: number }
  | { action: 'check_in.person_viewed'; sessionId: string; registrationId: string; personEmail: string }
  | { action: 'agency_records.viewed'; agencyId: string; people: number };

/**
 * Records that a trainer or coordinator looked at people's data, after the read succeeded (a
 * refused look shows nothing, so it is not one). Counts only: what was seen stays in its tables.
 */
export async function recordStaffRead(db: Db, actor: NonNullable<TActor>, read: TStaffRead): Promise<void> {
  const { action, ...facts } = read;
  if ('agencyId' in facts) {
    await recordAudit(db, { actorId: actor.id, action, subjectType: 'agency', subjectId: facts.agencyId, details: { people: facts.people } });
    return;
  }
  const { sessionId, ...rest } = facts;
  const person = 'registrationId' in rest ? { registrationId: rest.registrationId, personEmail: rest.personEmail } : {};
  const details = 'people' in rest ? { people: rest.people, ...('via' in rest ? { via: rest.via } : {}) } : {};
  await recordAudit(db, { actorId: actor.id, action, subjectType: 'training_session', subjectId: sessionId, sessionId, ...person, details });
}
