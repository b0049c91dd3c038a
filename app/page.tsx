import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-4xl font-bold">Training for officers and partner agencies</h1>
        <p className="max-w-2xl text-lg text-slate-700">
          Muster brings together trauma-informed-care workshops, joint training with partner agencies and
          attendance certificates anyone can verify. Register for a session in under a minute: no password
          needed.
        </p>
      </section>
      <section aria-labelledby="who" className="grid gap-4 sm:grid-cols-3">
        <h2 id="who" className="sr-only">
          Who Muster is for
        </h2>
        <div className="card">
          <h3 className="mb-2 text-lg font-semibold">Officers</h3>
          <p>Find a workshop, get the invite in your calendar, and keep every training hour in one place.</p>
        </div>
        <div className="card">
          <h3 className="mb-2 text-lg font-semibold">Trainers</h3>
          <p>Publish workshops, run sessions with partner agencies, take attendance and issue certificates.</p>
          <p className="mt-3">
            <Link href="/trainer">Go to the trainer dashboard</Link>
          </p>
        </div>
        <div className="card">
          <h3 className="mb-2 text-lg font-semibold">Agencies</h3>
          <p>See your officers&apos; registrations and completed hours for joint sessions.</p>
        </div>
      </section>
    </div>
  );
}
