import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/**
 * A certificate code is the key to its holder's record and PDF: no Referer carries it to another
 * site, and no search engine keeps a verification page.
 */
export const metadata: Metadata = {
  title: 'Verify a certificate',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default function VerifyLayout({ children }: { children: ReactNode }) {
  return children;
}
