import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// Every answer depends on the database and the token: never prerendered or cached.
export const dynamic = 'force-dynamic';

// A trainer's token only; the decision moves places like a cancellation does.
export const POST = apiHandler(handlers.approveRegistration);
