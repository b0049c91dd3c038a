import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">You do not have access to this page</h1>
      <p>This part of Muster is for trainers. If you think you should have access, ask the trainer who runs Muster.</p>
      <p>
        <Link href="/">Browse workshops</Link>
      </p>
    </div>
  );
}
