import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/** Officers' names and hours: never in a search engine. */
export const metadata: Metadata = {
  title: 'Agency training records',
  robots: { index: false, follow: false },
};

export default function AgencyLayout({ children }: { children: ReactNode }) {
  return children;
}
