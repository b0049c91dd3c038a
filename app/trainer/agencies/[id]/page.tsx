import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/app/_auth/require-role';
import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { getAgency, type TAgencyDto } from '@/lib/agencies/agencies';
import { agencyKindLabels, mouStatusLabels } from '@/lib/agencies/schemas';
import { AppError } from '@/lib/errors/app-error';
import { listCoordinators } from '@/lib/records/coordinators';
import { listSessionsOfAgency } from '@/lib/sessions/sessions';
import { formatSessionRange } from '@/lib/time/zoned';
import { AgencyForm } from '../_components/agency-form';
import { AddContactForm } from '../_components/contact-form';
import { DeleteAgencyForm } from '../_components/delete-agency-form';
import { AddPartnershipForm } from '../_components/partnership-form';
import { RemoveForm } from '../_components/remove-form';
import { RenewalBadge } from '../_components/renewal-badge';
import { formatCalendarDate, renewalFlag } from '../_lib/renewal';
import {
  addContactAction,
  addPartnershipAction,
  decideAgencyClaimAction,
  deleteAgencyAction,
  removeContactAction,
  removePartnershipAction,
  updateAgencyAction,
} from '../actions';
import { CoordinatorsSection } from './_components/coordinators-section';
import { ClaimList } from '@/app/_components/agency/claim-list';
import { claimDecided } from '@/app/_lib/decide-claim';
import { listAgencyClaims } from '@/lib/agencies/membership';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string | string[]; decided?: string | string[] }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { id } = await params;
  try {
    return { title: (await getAgency(await getDb(), await currentActor(), id)).name };
  } catch (error) {
    if (error instanceof AppError) return { title: 'Partner agency' };
    throw error;
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

async function agencyOrNotFound(load: () => Promise<TAgencyDto>): Promise<TAgencyDto> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function AgencyPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const trainer = await requireRole('trainer', `/trainer/agencies/${encodeURIComponent(id)}`);
  const actor = { id: trainer.id, role: trainer.role };
  const db = await getDb();
  const agency = await agencyOrNotFound(() => getAgency(db, actor, id));
  const [sessions, coordinators, claims] = await Promise.all([
    listSessionsOfAgency(db, actor, agency.id),
    listCoordinators(db, actor, agency.id),
    listAgencyClaims(db, actor, agency.id),
  ]);
  const { created, decided } = await searchParams;
  const today = new Date();

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/trainer/agencies">Partner agencies</Link>
        </p>
        <h1 className="text-3xl font-bold break-words">{agency.name}</h1>
        <p className="text-slate-700">{agencyKindLabels[agency.kind]}</p>
        {created && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            Agency added. Add its contacts and partnership records below.
          </p>
        )}
      </div>

      <section aria-labelledby="details" className="card space-y-4">
        <h2 id="details" className="text-xl font-semibold">
          Details
        </h2>
        <AgencyForm
          action={updateAgencyAction.bind(null, agency.id)}
          agency={agency}
          kinds={Object.entries(agencyKindLabels)}
          submitLabel="Save details"
          pendingText="Saving…"
        />
      </section>

      <section aria-labelledby="contacts" className="card space-y-4">
        <h2 id="contacts" className="text-xl font-semibold">
          Contacts
        </h2>
        {agency.contacts.length === 0 ? (
          <p className="text-slate-700">No contacts yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {agency.contacts.map((contact) => (
              <li key={contact.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 space-y-0.5">
                  <p className="font-semibold break-words">{contact.name}</p>
                  {contact.role && <p className="text-slate-700">{contact.role}</p>}
                  {contact.email && (
                    <p className="break-all">
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </p>
                  )}
                  {contact.phone && (
                    <p>
                      <a href={`tel:${(contact.phone.split(/ext/i)[0] ?? '').replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
                    </p>
                  )}
                </div>
                <RemoveForm action={removeContactAction.bind(null, agency.id)} idName="contactId" id={contact.id} what={`contact ${contact.name}`} />
              </li>
            ))}
          </ul>
        )}
        <AddContactForm action={addContactAction.bind(null, agency.id)} />
      </section>

      <section aria-labelledby="partnerships" className="card space-y-4">
        <div>
          <h2 id="partnerships" className="text-xl font-semibold">
            Partnership records
          </h2>
          <p className="text-slate-700">Memoranda of understanding and the information-sharing protocol each agrees.</p>
        </div>
        {agency.partnerships.length === 0 ? (
          <p className="text-slate-700">No partnership records yet.</p>
        ) : (
          <ul className="space-y-4">
            {agency.partnerships.map((record, index) => (
              <li key={record.id} className="space-y-3 rounded-md border border-slate-200 p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <h3 className="text-lg font-semibold">
                    {mouStatusLabels[record.mouStatus]} memorandum
                    <span className="sr-only"> (record {index + 1})</span>
                  </h3>
                  <RemoveForm
                    action={removePartnershipAction.bind(null, agency.id)}
                    idName="partnershipId"
                    id={record.id}
                    what={`${mouStatusLabels[record.mouStatus].toLowerCase()} memorandum, record ${index + 1}`}
                  />
                </div>
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium">Signed on</dt>
                  <dd>{record.signedOn ? <time dateTime={record.signedOn}>{formatCalendarDate(record.signedOn)}</time> : 'Not signed'}</dd>
                  <dt className="font-medium">Renew by</dt>
                  <dd>
                    {record.renewalOn ? (
                      <>
                        <time dateTime={record.renewalOn}>{formatCalendarDate(record.renewalOn)}</time>
                        <RenewalBadge flag={renewalFlag(record, today)} />
                      </>
                    ) : (
                      'No date'
                    )}
                  </dd>
                  <dt className="font-medium">Information-sharing protocol</dt>
                  <dd className="whitespace-pre-line break-words">{record.informationSharingProtocol || 'None recorded'}</dd>
                  {record.notes && (
                    <>
                      <dt className="font-medium">Notes</dt>
                      <dd className="whitespace-pre-line break-words">{record.notes}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
        <AddPartnershipForm action={addPartnershipAction.bind(null, agency.id)} statuses={Object.entries(mouStatusLabels)} />
      </section>

      <section aria-labelledby="joint-sessions" className="card space-y-4">
        <h2 id="joint-sessions" className="text-xl font-semibold">
          Joint sessions
        </h2>
        {sessions.length === 0 ? (
          <p className="text-slate-700">
            No sessions with this agency yet. Choose it as the partner agency when you schedule a session of a{' '}
            <Link href="/trainer/workshops">workshop</Link>.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Sessions run jointly with {agency.name}, in start order</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4">
                    Workshop
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    When
                  </th>
                  <th scope="col" className="py-2">
                    Fill
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <tr key={session.id} className="border-b border-slate-100 align-top last:border-b-0">
                    <td className="py-2 pr-4">
                      <Link href={`/trainer/workshops/${session.workshop.id}`}>{session.workshop.title}</Link>
                      {session.status === 'cancelled' && <strong className="block text-sm text-red-900">Cancelled</strong>}
                    </td>
                    <td className="py-2 pr-4">{formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}</td>
                    <td className="py-2 whitespace-nowrap">
                      {session.confirmedCount} of {session.capacity}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <CoordinatorsSection agencyId={agency.id} agencyName={agency.name} coordinators={coordinators} />

      <section aria-labelledby="claims" className="card space-y-4">
        <h2 id="claims" className="text-xl font-semibold">
          Claims to be from {agency.name}
        </h2>
        <p className="text-slate-700">
          People who typed this agency’s name when registering for a session run with it, from an address not at its email domains.
          The agency’s coordinator sees their name and email to decide; their records only once confirmed, here or on its own page.
        </p>
        <ClaimList claims={claims} agencyName={agency.name} decide={decideAgencyClaimAction.bind(null, agency.id)} decided={claimDecided(decided)} />
      </section>

      <section aria-labelledby="delete" className="card space-y-3">
        <h2 id="delete" className="text-xl font-semibold">
          Delete agency
        </h2>
        <DeleteAgencyForm
          action={deleteAgencyAction.bind(null, agency.id)}
          agencyName={agency.name}
          consequences={
            `Its ${plural(agency.contacts.length, 'contact', 'contacts')} and ` +
            `${plural(agency.partnerships.length, 'partnership record', 'partnership records')} are deleted with it. ` +
            `${sessions.length === 0 ? 'No sessions are affected.' : `Its ${plural(sessions.length, 'joint session stays', 'joint sessions stay')}, without a partner agency.`}`
          }
        />
      </section>
    </div>
  );
}
