import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readLocalMail } from '@/lib/mail/local-mailbox';
import { requireLocalMailboxAccess } from '../guard';

export const metadata: Metadata = { title: 'Message' };

// Decided per request from the running server's configuration and the caller's address.
export const dynamic = 'force-dynamic';

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireLocalMailboxAccess();
  const mail = await readLocalMail((await params).id);
  if (!mail) notFound();
  return (
    <div className="space-y-4">
      <p>
        <Link href="/dev/mailbox">Back to the mailbox</Link>
      </p>
      <h1 className="text-2xl font-bold break-words">{mail.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">From</dt>
        <dd className="break-all">{mail.from}</dd>
        <dt className="font-semibold">To</dt>
        <dd className="break-all">{mail.to}</dd>
        <dt className="font-semibold">Date</dt>
        <dd>{mail.date?.toISOString().replace('T', ' ').slice(0, 19)} UTC</dd>
      </dl>
      {mail.links.length > 0 && (
        <section aria-labelledby="links" className="card">
          <h2 id="links" className="mb-2 text-lg font-semibold">
            Links in this message
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {mail.links.map((link) => (
              <li key={link.href} className="break-all">
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mail.attachments.length > 0 && (
        <section aria-labelledby="attachments" className="card">
          <h2 id="attachments" className="mb-2 text-lg font-semibold">
            Attachments
          </h2>
          <ul className="list-disc pl-5">
            {mail.attachments.map((a) => (
              <li key={a.filename}>
                {a.filename} ({a.contentType})
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rendered">
        <h2 id="rendered" className="mb-2 text-lg font-semibold">
          As the recipient sees it
        </h2>
        {/* Sandboxed without scripts; links open in a new tab rather than inside the frame. */}
        <iframe
          title={`Email: ${mail.subject}`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={mail.html.replace('<head>', '<head><base target="_blank">')}
          className="h-[36rem] w-full rounded-lg border border-slate-300 bg-white"
        />
      </section>
      <details className="card">
        <summary className="cursor-pointer font-semibold">Plain-text version</summary>
        <pre className="mt-3 overflow-x-auto text-sm whitespace-pre-wrap">{mail.text}</pre>
      </details>
    </div>
  );
}
