import { handlers } from '@/app/api/v1/_handlers';
import { apiHandler } from '@/app/api/v1/_lib/api-handler';

// Rendered per request from the stored record; the code in the path is the only key.
export const dynamic = 'force-dynamic';

export const GET = apiHandler(handlers.getCertificatePdf);
