import type { TPublicSessionDto } from '@/lib/sessions/dto';
import type { TWorkshopDto } from '@/lib/workshops/workshops';
import { ContentNotice } from './content-notice';
import { SessionLine } from './session-line';
import { WorkshopDetails } from './workshop-details';

/** The public workshop page's content; the trainer's preview shows the same, without session links. */
export function WorkshopArticle({ workshop, sessions, linkSessions = true }: {
  workshop: TWorkshopDto;
  sessions: TPublicSessionDto[];
  linkSessions?: boolean;
}) {
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{workshop.title}</h1>
        {workshop.summary && <p className="text-lg text-slate-700">{workshop.summary}</p>}
      </header>
      <ContentNotice text={workshop.contentNotice} />
      <section aria-labelledby="sessions" className="card">
        <h2 id="sessions" className="text-xl font-semibold">
          Upcoming sessions
        </h2>
        {sessions.length === 0 ? (
          <p className="mt-2">No sessions are scheduled right now.</p>
        ) : (
          <ul className="mt-2">
            {sessions.map((session) => (
              <SessionLine key={session.id} session={session} linked={linkSessions} />
            ))}
          </ul>
        )}
      </section>
      <WorkshopDetails workshop={workshop} />
    </article>
  );
}
