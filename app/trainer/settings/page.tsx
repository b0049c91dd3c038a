import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { FeedInstructions } from '@/app/_components/calendar/feed-instructions';
import { FeedLinks } from '@/app/_components/calendar/feed-links';
import { getDb } from '@/db';
import { listApiTokens } from '@/lib/api-tokens/api-tokens';
import { feedWebUrl, trainerFeedUrl } from '@/lib/calendar-feeds/feeds';
import { getCertificatePaper } from '@/lib/certificates/paper-setting';
import { getEnv } from '@/lib/config/env';
import { CertificatePaperForm } from './_components/certificate-paper-form';
import { CreateTokenForm } from '@/app/_components/api-tokens/create-token-form';
import { TokenList } from '@/app/_components/api-tokens/token-list';
import { createTokenAction } from '@/app/_lib/api-token-actions';
import { resetTrainerFeedAction, saveCertificatePaperAction } from './actions';

export const metadata: Metadata = { title: 'Settings and API' };

export default async function SettingsPage() {
  const trainer = await requireRole('trainer', '/trainer/settings');
  const db = await getDb();
  const actor = { id: trainer.id, role: trainer.role };
  const [tokens, feed, paper] = await Promise.all([listApiTokens(db, actor), trainerFeedUrl(db, actor), getCertificatePaper(db, actor)]);
  const apiBase = `${getEnv().APP_URL.replace(/\/+$/, '')}/api/v1`;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/trainer">Trainer dashboard</Link>
        </p>
        <h1 className="text-3xl font-bold">Settings and API</h1>
      </div>

      <section aria-labelledby="people-settings" className="card space-y-3">
        <h2 id="people-settings" className="text-xl font-semibold">
          Trainers
        </h2>
        <p>Who can see rosters and records, and manage workshops. Add a trainer, or remove one who has left.</p>
        <p>
          <Link href="/trainer/settings/people">Manage trainers</Link>
        </p>
      </section>

      <section aria-labelledby="certificate-settings" className="card space-y-4">
        <h2 id="certificate-settings" className="text-xl font-semibold">
          Certificates
        </h2>
        <p>
          The paper size of the certificates you issue. Certificates already issued keep theirs: a certificate’s PDF never changes, so it
          always verifies.
        </p>
        <CertificatePaperForm action={saveCertificatePaperAction} paper={paper} />
      </section>

      <section aria-labelledby="calendar-feed" className="card space-y-4">
        <h2 id="calendar-feed" className="text-xl font-semibold">
          Your sessions in your calendar
        </h2>
        <p>
          Subscribe once and every scheduled session appears in your own calendar, with how many are confirmed, the online joining link and
          a link to the roster. Moves and cancellations follow by themselves; sessions drop off 90 days after they end.
        </p>
        <FeedInstructions />
        <FeedLinks links={{ webcal: feed, web: feedWebUrl(feed) }} action={resetTrainerFeedAction} subscribeLabel="Subscribe to “Muster: sessions I run”" />
        <p className="text-sm text-slate-700">
          Anyone who has this link can see every session and how full it is, but no names. Keep it to yourself; if it has been shared, reset
          it and subscribe again.
        </p>
      </section>

      <section aria-labelledby="api" className="card space-y-6">
        <div className="space-y-3">
          <h2 id="api" className="text-xl font-semibold">
            API tokens
          </h2>
          <p>
            The JSON API lets another system, such as a records system or a learning platform, read and change workshops, sessions and
            partner agencies as you. Published workshops and upcoming public sessions can be read without a token; everything else needs a
            personal token, sent in the <code className="rounded bg-slate-100 px-1">Authorization</code> header:
          </p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-50">
            <code>{`curl -H "Authorization: Bearer mst_…" ${apiBase}/workshops`}</code>
          </pre>
          <p>
            Every operation is described in the <a href="/api/v1/openapi.json">OpenAPI document</a> (<code>/api/v1/openapi.json</code>).
            A token acts with your permissions until you revoke it: give each system its own, and revoke one you no longer use.
          </p>
        </div>

        <CreateTokenForm action={createTokenAction} />

        <TokenList tokens={tokens} />
      </section>
    </div>
  );
}
