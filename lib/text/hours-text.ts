/** "1 hour", "2.5 hours": credit hours as people read them. */
export function hoursText(hours: number): string {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
