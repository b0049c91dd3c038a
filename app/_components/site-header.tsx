import Link from 'next/link';
import { AccountMenu } from './account-menu';

export function SiteHeader() {
  return (
    <header className="border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-wide text-white no-underline">
          Muster
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href="/" className="text-white">
                Workshops
              </Link>
            </li>
          </ul>
        </nav>
        <AccountMenu />
      </div>
    </header>
  );
}
