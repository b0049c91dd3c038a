import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';
import { refreshingCatalogue } from '@/app/api/v1/_lib/refresh';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// GET is public (the catalogue's view); PATCH needs a trainer's token.
export const GET = apiHandler(handlers.getSession);
export const PATCH = apiHandler(refreshingCatalogue(handlers.updateSession));
