import type { Metadata } from 'next';
import Link from 'next/link';
import { listLocalMailbox } from '@/lib/mail/local-mailbox';
import { requireLocalMailboxAccess } from './guard';

export const metadata: Metadata = { title: 'Local mailbox' };

// Decided per request from the running server's configuration and the caller's address.
export const dynamic = 'force-dynamic';

export default async function MailboxPage() {
  await requireLocalMailboxAccess();
  const messages = await listLocalMailbox();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Local mailbox</h1>
      <p className="text-slate-700">
        No mail server is configured, so Muster keeps its outgoing mail here. Only this machine can see this page.
      </p>
      {messages.length === 0 ? (
        <p className="card">No messages yet. Ask for a sign-in link and it will appear here.</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-left shadow-sm">
          <caption className="sr-only">Messages, newest first</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-3">Subject</th>
              <th scope="col" className="p-3">To</th>
              <th scope="col" className="p-3">Sent</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-t border-slate-200">
                <td className="p-3">
                  <Link href={`/dev/mailbox/${message.id}`}>{message.subject}</Link>
                </td>
                <td className="p-3 break-all">{message.to}</td>
                <td className="p-3">{message.date?.toISOString().replace('T', ' ').slice(0, 19)} UTC</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
