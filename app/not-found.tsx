import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p>The page you asked for does not exist, or is no longer published.</p>
      <p>
        <Link href="/">Browse workshops</Link>
      </p>
    </div>
  );
}
