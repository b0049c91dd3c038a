import { closeDb, getDbHandle } from '@/db';

const handle = await getDbHandle();
console.log(`Migrations applied (${handle.driver === 'pglite' ? 'embedded database' : 'PostgreSQL'}).`);
await closeDb();
