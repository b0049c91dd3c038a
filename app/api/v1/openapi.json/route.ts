import { handlers } from '@/app/api/v1/_handlers';

// The document depends only on the code: built once, at build time.
export const dynamic = 'force-static';

export const GET = handlers.getOpenApiDocument;
