import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/**
 * The manage link's token is the only key to a person's registration: no Referer carries it to
 * another site (or to links followed from here), and no search engine keeps the page.
 */
export const metadata: Metadata = {
  title: 'Your registration',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default function ManageLayout({ children }: { children: ReactNode }) {
  return children;
}
