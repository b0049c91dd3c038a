import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// A certificate may be revoked at any moment: never prerendered or cached.
export const dynamic = 'force-dynamic';

export const GET = apiHandler(handlers.getCertificate);
