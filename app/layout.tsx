import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Muster', template: '%s · Muster' },
  description: 'Training and workshop scheduling for practitioners who train police officers and partner agencies.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 py-6 text-sm text-slate-600">
            <p>Muster: workshops, joint training and verifiable certificates for police and partner agencies.</p>
            <Link href="/verify" className="text-brand-800 underline">
              Verify a certificate
            </Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
