import { closeDb, getDb } from '@/db';
import { seedDemo } from '@/db/seed';

await seedDemo(await getDb());
console.log('Demo data loaded.');
await closeDb();
