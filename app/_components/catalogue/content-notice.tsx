/** Shown before anything else a person reads about registering: the material can be hard. */
export function ContentNotice({ text }: { text: string }) {
  if (!text) return null;
  return (
    <aside aria-labelledby="content-notice" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="content-notice" className="font-semibold">
        Content notice
      </h2>
      <p className="mt-1 whitespace-pre-line">{text}</p>
    </aside>
  );
}
