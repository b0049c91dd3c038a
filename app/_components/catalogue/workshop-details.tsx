import type { TWorkshopDto } from '@/lib/workshops/workshops';
import { renderMarkdown } from '@/lib/markdown/render-markdown';

/** The body of a workshop page, shared by the public page and the trainer's preview. */
export function WorkshopDetails({ workshop }: { workshop: TWorkshopDto }) {
  return (
    <div className="space-y-6">
      {workshop.descriptionMarkdown && (
        <section aria-labelledby="about" className="space-y-2">
          <h2 id="about" className="text-xl font-semibold">
            About this workshop
          </h2>
          {/* renderMarkdown sanitises: no scripts, handlers or javascript: links survive. */}
          <div className="prose-muster space-y-3" dangerouslySetInnerHTML={{ __html: renderMarkdown(workshop.descriptionMarkdown) }} />
        </section>
      )}
      {workshop.learningObjectives.length > 0 && (
        <section aria-labelledby="objectives">
          <h2 id="objectives" className="text-xl font-semibold">
            You will be able to
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {workshop.learningObjectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      )}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        {workshop.audience && (
          <>
            <dt className="font-semibold">Who it is for</dt>
            <dd>{workshop.audience}</dd>
          </>
        )}
        {workshop.durationMinutes && (
          <>
            <dt className="font-semibold">Duration</dt>
            <dd>{formatDuration(workshop.durationMinutes)}</dd>
          </>
        )}
        {workshop.creditHours > 0 && (
          <>
            <dt className="font-semibold">Credit</dt>
            <dd>
              {workshop.creditHours} hours{workshop.creditCategory ? `, ${workshop.creditCategory}` : ''}
            </dd>
          </>
        )}
        {workshop.topics.length > 0 && (
          <>
            <dt className="font-semibold">Topics</dt>
            <dd>{workshop.topics.join(', ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} minutes`;
  return rest ? `${hours} h ${rest} min` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
