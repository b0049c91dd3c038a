import type { Metadata } from 'next';
import { ConfirmPlaceForm } from './confirm-place-form';
import { confirmPlaceAction } from './actions';

/** The token confirms a held place: no Referer carries it on, and no search engine keeps the page. */
export const metadata: Metadata = {
  title: 'Confirm your place',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The emailed link lands here and the button confirms the place: link scanners that open every
 * URL in a message do not press buttons, so they cannot spend the single-use token.
 */
export default async function ConfirmPlacePage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">Confirm your place</h1>
      {typeof token === 'string' && token ? (
        <ConfirmPlaceForm action={confirmPlaceAction.bind(null, token)} />
      ) : (
        <p className="card">This link is incomplete: copy the whole link from the email.</p>
      )}
    </div>
  );
}
