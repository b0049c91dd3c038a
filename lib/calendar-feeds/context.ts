import 'server-only';
import { parseMailFrom } from '@/lib/calendar';
import { getEnv } from '@/lib/config/env';
import type { TCalendarContext } from './events';

export function calendarContext(now = new Date()): TCalendarContext {
  const env = getEnv();
  return { appUrl: env.APP_URL, organizer: parseMailFrom(env.MAIL_FROM), now };
}
