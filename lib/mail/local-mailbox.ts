import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { getEnv } from '@/lib/config/env';
import { localMailboxDir } from './mail-worker-from-env';

export type TMailboxEntry = { id: string; subject: string; to: string; date: Date | undefined };

/** The local mailbox exists only while no SMTP server is configured. */
export function isLocalMailboxEnabled(): boolean {
  return !getEnv().SMTP_URL;
}

async function mailboxFiles(): Promise<string[]> {
  try {
    return (await readdir(localMailboxDir())).filter((name) => name.endsWith('.eml')).sort().reverse();
  } catch {
    return [];
  }
}

function idOf(file: string): string {
  return file.replace(/^\d+-|\.eml$/g, '');
}

export async function listLocalMailbox(limit = 100): Promise<TMailboxEntry[]> {
  const files = (await mailboxFiles()).slice(0, limit);
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(path.join(localMailboxDir(), file)));
      return { id: idOf(file), subject: mail.subject ?? '(no subject)', to: addressText(mail.to), date: mail.date };
    }),
  );
}

export async function readLocalMail(id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const file = (await mailboxFiles()).find((name) => idOf(name) === id);
  if (!file) return undefined;
  const mail = await simpleParser(await readFile(path.join(localMailboxDir(), file)));
  const html = typeof mail.html === 'string' ? mail.html : '';
  return {
    id,
    subject: mail.subject ?? '(no subject)',
    from: addressText(mail.from),
    to: addressText(mail.to),
    date: mail.date,
    html,
    text: mail.text ?? '',
    links: extractLinks(html),
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? 'attachment', contentType: a.contentType })),
  };
}

function addressText(value: unknown): string {
  if (!value) return '';
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry: { text?: string }) => entry.text ?? '').join(', ');
}

function extractLinks(html: string): { href: string; label: string }[] {
  const links = new Map<string, string>();
  for (const match of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = match[1]!.replaceAll('&amp;', '&');
    const label = match[2]!.replace(/<[^>]+>/g, '').trim();
    if (/^https?:\/\//.test(href) && !links.has(href)) links.set(href, label || href);
  }
  return [...links].map(([href, label]) => ({ href, label }));
}
