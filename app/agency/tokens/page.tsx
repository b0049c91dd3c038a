import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { CreateTokenForm } from '@/app/_components/api-tokens/create-token-form';
import { TokenList } from '@/app/_components/api-tokens/token-list';
import { createTokenAction } from '@/app/_lib/api-token-actions';
import { getDb } from '@/db';
import { listApiTokens } from '@/lib/api-tokens/api-tokens';
import { getEnv } from '@/lib/config/env';
import { coordinatorAgency } from '@/lib/records/coordinator-scope';

export const metadata: Metadata = { title: 'API tokens for your agency' };

/** A coordinator's tokens: their agency's own systems register officers through the API as them. */
export default async function AgencyTokensPage() {
  const user = await requireRole('coordinator', '/agency/tokens');
  const actor = { id: user.id, role: user.role };
  const db = await getDb();
  const [agency, tokens] = await Promise.all([coordinatorAgency(db, actor), listApiTokens(db, actor)]);
  const apiBase = `${getEnv().APP_URL.replace(/\/+$/, '')}/api/v1`;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/agency">Agency training records</Link>
        </p>
        <h1 className="text-3xl font-bold">API tokens for {agency.name}</h1>
      </div>
      <section aria-labelledby="api" className="card space-y-6">
        <div className="space-y-3">
          <h2 id="api" className="text-xl font-semibold">
            Registering officers from your own systems
          </h2>
          <p>
            A token lets a system of {agency.name}’s, such as a rostering or training records system, register your officers into
            sessions open to your agency, send a substitute, and approve or decline requests your agency decides, as you. It can do
            nothing else: it cannot see other agencies’ people or anything a trainer manages.
          </p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-50">
            <code>{`curl -H "Authorization: Bearer mst_…" -H "Content-Type: application/json" \\
  -d '{"officers":[{"name":"Ana Ruiz","email":"ana.ruiz@…"}]}' \\
  ${apiBase}/sessions/{sessionId}/nominations`}</code>
          </pre>
          <p>
            Every operation is described in the <a href="/api/v1/openapi.json">OpenAPI document</a>. Give each system its own token, and
            revoke one you no longer use.
          </p>
        </div>
        <CreateTokenForm action={createTokenAction} />
        <TokenList tokens={tokens} />
      </section>
    </div>
  );
}
