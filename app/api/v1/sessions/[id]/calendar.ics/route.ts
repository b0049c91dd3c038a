import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// The file follows the session's current time, place and status: never prerendered.
export const dynamic = 'force-dynamic';

export const GET = apiHandler(handlers.getSessionCalendar);
