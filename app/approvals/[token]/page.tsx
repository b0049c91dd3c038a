import type { Metadata } from 'next';
import { getDb } from '@/db';
import { findApprovalRequest } from '@/lib/registrations/approval';
import { decideByLinkAction } from './actions';
import { DecideForm } from './decide-form';

/** The token decides a request: no Referer carries it on, and no search engine keeps the page. */
export const metadata: Metadata = {
  title: 'Approve a place',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ token: string }> };

/**
 * The approver's emailed link lands here; only the buttons decide, so a mail scanner that opens
 * every link spends nothing.
 */
export default async function ApprovalPage({ params }: Props) {
  const { token } = await params;
  const request = await findApprovalRequest(await getDb(), decodeURIComponent(token));
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-3xl font-bold">Approve a place</h1>
      {!request ? (
        <p className="card">This link has been used already, or the request was withdrawn or has run out.</p>
      ) : (
        <div className="card space-y-4">
          <p>
            <span className="font-semibold break-words">{request.name}</span> (<span className="break-all">{request.email}</span>) asks for a place in{' '}
            <span className="font-semibold">{request.workshopTitle}</span>, {request.when}.
          </p>
          {request.expired ? (
            <p>This request ran out at {request.decideBy}; the place goes back to others.</p>
          ) : (
            <>
              <p>The place is held until {request.decideBy}. Approving sends them the calendar invite; declining frees the place and tells them.</p>
              <DecideForm action={decideByLinkAction.bind(null, decodeURIComponent(token))} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
