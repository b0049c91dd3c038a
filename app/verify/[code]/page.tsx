import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { formatCertificateCode, normalizeCertificateCode } from '@/lib/certificates/code';
import { getEnv } from '@/lib/config/env';
import { clientIp } from '@/lib/http/client-ip';
import { CertificateRecord } from '../_components/certificate-record';
import { CodeForm } from '../_components/code-form';
import { BAD_CODE_MESSAGE, lookUpCode } from '../_lib/verify-steps';

type TProps = { params: Promise<{ code: string }> };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function AnotherCode({ heading = 'Check another code' }: { heading?: string }) {
  return (
    <section aria-labelledby="another" className="card space-y-4">
      <h2 id="another" className="text-xl font-semibold">
        {heading}
      </h2>
      <CodeForm />
    </section>
  );
}

export default async function VerifyCodePage({ params }: TProps) {
  const typed = decoded((await params).code).trim().slice(0, 64);
  const code = normalizeCertificateCode(typed);
  // One address per certificate, however the code was typed (the QR code already uses this one).
  if (code && formatCertificateCode(code) !== typed) redirect(`/verify/${formatCertificateCode(code)}`);
  const result = await lookUpCode(await getDb(), { ip: clientIp(await headers()), limitPerIp: getEnv().CERTIFICATE_LOOKUP_LIMIT_PER_IP }, typed);

  if (result.outcome === 'found') {
    return (
      <div className="space-y-8">
        <div className="space-y-2">
          <p>
            <Link href="/verify">Verify a certificate</Link>
          </p>
          <h1 className="text-3xl font-bold">
            Certificate <span className="font-mono break-all">{result.record.code}</span>
          </h1>
        </div>
        <section aria-label="The certificate’s record" className="card">
          <CertificateRecord record={result.record} />
        </section>
        <AnotherCode />
      </div>
    );
  }

  if (result.outcome === 'not_found') {
    return (
      <div className="space-y-8">
        <div className="space-y-3">
          <p>
            <Link href="/verify">Verify a certificate</Link>
          </p>
          <h1 className="text-3xl font-bold">No certificate has this code</h1>
          <p className="text-lg">
            Muster has never issued a certificate with the code <span className="font-mono font-semibold">{result.code}</span>. Check
            it against the certificate: a mistyped character gives another code.
          </p>
        </div>
        <AnotherCode heading="Try the code again" />
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/verify">Verify a certificate</Link>
        </p>
        <h1 className="text-3xl font-bold">Verify a certificate</h1>
      </div>
      {result.outcome === 'rate_limited' && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
          {result.message}
        </p>
      )}
      <section aria-labelledby="by-code" className="card space-y-4">
        <h2 id="by-code" className="text-xl font-semibold">
          Check a code
        </h2>
        <CodeForm initial={result.outcome === 'bad_code' ? { code: result.typed, error: BAD_CODE_MESSAGE } : {}} />
      </section>
    </div>
  );
}
