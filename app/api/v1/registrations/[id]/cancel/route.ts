import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// A trainer's token, or the registration's manage token in the body; a freed seat changes the catalogue.
// No catalogue refresh: seat counts on the cached catalogue may lag by its 30-second revalidation.
export const POST = apiHandler(handlers.cancelRegistration);
