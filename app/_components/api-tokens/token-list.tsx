import { formatInZone } from '@/lib/time/format-in-zone';
import { revokeTokenAction } from '@/app/_lib/api-token-actions';
import type { TApiTokenDto } from '@/lib/api-tokens/api-tokens';
import { RevokeTokenForm } from './revoke-token-form';

function Instant({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatInZone(new Date(iso), 'UTC', "d MMM yyyy, HH:mm 'UTC'")}</time>;
}

/** The signed-in person's API tokens, each with a revoke button until revoked. */
export function TokenList({ tokens }: { tokens: TApiTokenDto[] }) {
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-semibold">Your tokens</h3>
      {tokens.length === 0 ? (
        <p className="text-slate-700">You have no tokens yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0 space-y-1">
                <p className="font-semibold break-words">
                  {token.name}
                  {token.revokedAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">Revoked</span>}
                </p>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
                  <dt>Starts with</dt>
                  <dd>
                    <code>{token.displayPrefix}…</code>
                  </dd>
                  <dt>Created</dt>
                  <dd>
                    <Instant iso={token.createdAt} />
                  </dd>
                  <dt>Last used</dt>
                  <dd>{token.lastUsedAt ? <Instant iso={token.lastUsedAt} /> : 'Never'}</dd>
                  {token.revokedAt && (
                    <>
                      <dt>Revoked</dt>
                      <dd>
                        <Instant iso={token.revokedAt} />
                      </dd>
                    </>
                  )}
                </dl>
              </div>
              {!token.revokedAt && <RevokeTokenForm action={revokeTokenAction} tokenId={token.id} tokenName={token.name} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
