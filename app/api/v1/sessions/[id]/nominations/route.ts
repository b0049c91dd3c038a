import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// A coordinator's token: officers of their agency registered into a session open to it.
export const POST = apiHandler(handlers.nominateOfficersForSession);
