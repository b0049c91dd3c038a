import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';
import { refreshingCatalogue } from '@/app/api/v1/_lib/refresh';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// A trainer's token, or the registration's manage token in the body; a freed seat changes the catalogue.
export const POST = apiHandler(refreshingCatalogue(handlers.cancelRegistration));
