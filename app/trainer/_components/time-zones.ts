import 'server-only';

export const DEFAULT_TIME_ZONE = 'America/Chicago';

/** The zones trainers mostly run sessions in, first in the list, with names people use. */
const COMMON_TIME_ZONES: [zone: string, label: string][] = [
  ['America/New_York', 'Eastern time (New York)'],
  ['America/Chicago', 'Central time (Chicago)'],
  ['America/Denver', 'Mountain time (Denver)'],
  ['America/Phoenix', 'Mountain time without daylight saving (Phoenix)'],
  ['America/Los_Angeles', 'Pacific time (Los Angeles)'],
  ['America/Anchorage', 'Alaska time (Anchorage)'],
  ['Pacific/Honolulu', 'Hawaii time (Honolulu)'],
  ['America/Puerto_Rico', 'Atlantic time (Puerto Rico)'],
  ['America/Halifax', 'Atlantic time (Halifax)'],
  ['Europe/London', 'UK time (London)'],
  ['Europe/Dublin', 'Irish time (Dublin)'],
  ['Australia/Sydney', 'Australian Eastern time (Sydney)'],
  ['Pacific/Auckland', 'New Zealand time (Auckland)'],
  ['UTC', 'Coordinated Universal Time (UTC)'],
];

export type TTimeZoneOptions = { common: [string, string][]; others: string[] };

/**
 * Options for the time zone select: the common zones, then every other zone the runtime knows.
 * A session's own zone that is in neither list (an alias like US/Central) is added to the first.
 */
export function timeZoneOptions(current?: string): TTimeZoneOptions {
  const common = [...COMMON_TIME_ZONES];
  const commonZones = new Set(common.map(([zone]) => zone));
  const others = Intl.supportedValuesOf('timeZone').filter((zone) => !commonZones.has(zone));
  if (current && !commonZones.has(current) && !others.includes(current)) common.push([current, current]);
  return { common, others };
}
