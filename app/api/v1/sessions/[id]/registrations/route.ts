import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// GET is a trainer's roster; POST is public (a trainer's token lifts the window and the limit).
export const GET = apiHandler(handlers.listSessionRegistrations);
// No catalogue refresh: seat counts on the cached catalogue may lag by its 30-second revalidation,
// and the session page, where people register, is rendered fresh every time.
export const POST = apiHandler(handlers.registerForSession);
