import { getDb } from '@/db';
import { feedWebUrl, personalFeedUrl } from '@/lib/calendar-feeds/feeds';
import { resetPersonalFeedAction } from './actions';
import { FeedInstructions } from './feed-instructions';
import { FeedLinks } from './feed-links';

type Props = {
  /** The address the person registers with; their feed lists that address's confirmed sessions. */
  email: string;
  /** On the manage page, the page's own token: what lets this visitor reset the link. */
  manageToken?: string;
  headingLevel?: 2 | 3;
};

/** A person's subscribable calendar of every session they have a confirmed place in. */
export async function PersonalFeed({ email, manageToken, headingLevel = 2 }: Props) {
  const webcal = await personalFeedUrl(await getDb(), email);
  const Heading = `h${headingLevel}` as const;
  const headingId = `personal-feed-${headingLevel}`;
  return (
    <section aria-labelledby={headingId} className="card space-y-4">
      <Heading id={headingId} className="text-xl font-semibold">
        Subscribe in your calendar app
      </Heading>
      <p>
        One calendar with every session you have a confirmed place in, kept up to date when a session moves, is cancelled or you cancel
        your place. It includes online joining links.
      </p>
      <FeedInstructions />
      <FeedLinks
        links={{ webcal, web: feedWebUrl(webcal) }}
        action={resetPersonalFeedAction}
        hidden={manageToken ? { manageToken } : undefined}
        subscribeLabel="Subscribe to “Muster: my training”"
      />
      <p className="text-sm text-slate-700">
        Anyone who has this link can see your sessions. Keep it to yourself; if it has been shared, reset it and subscribe again.
      </p>
    </section>
  );
}
