/** What time it is, for seating: the system's, or a fixed one a caller (a test, a walk-in) passes. */
export type TClock = () => Date;

/** One function for every caller, so registrations on the system clock share their batch queues. */
export const systemClock: TClock = () => new Date();

export function clockAt(now: Date | undefined): TClock {
  return now ? () => now : systemClock;
}
