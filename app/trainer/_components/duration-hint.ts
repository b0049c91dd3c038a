/** "This workshop lasts 3 hours." for the end time's hint, or nothing when the duration is not set. */
export function durationHint(durationMinutes: number | null): string | undefined {
  if (!durationMinutes) return undefined;
  const hours = Math.floor(durationMinutes / 60);
  const minutes = durationMinutes % 60;
  const parts = [hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '', minutes ? `${minutes} minutes` : ''].filter(Boolean);
  return `This workshop lasts ${parts.join(' ')}.`;
}
