import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';
import { refreshingCatalogue } from '@/app/api/v1/_lib/refresh';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// GET is a trainer's roster; POST is public (a trainer's token lifts the window and the limit).
export const GET = apiHandler(handlers.listSessionRegistrations);
export const POST = apiHandler(refreshingCatalogue(handlers.registerForSession));
