import 'server-only';
import { count } from 'drizzle-orm';
import type { Db } from './client';
import { DEMO_TRAINER_EMAIL } from './demo';
import { seedDemoCatalogue } from './seed-catalogue';
import { seedDemoCertificates } from './seed-certificates';
import { users } from './schema';


const demoUsers = [
  { email: DEMO_TRAINER_EMAIL, name: 'Dr. Maya Okafor', role: 'trainer' as const },
  { email: 'lukasz.zolc@riverside.example', name: 'Łukasz Żółć', role: 'officer' as const },
  { email: 'officer.minh@example.org', name: 'Nguyễn Thị Minh Khai', role: 'officer' as const },
  { email: 'officer.zoe@example.org', name: "Zoë O'Brien-Ånström", role: 'officer' as const },
];

/** Loads the demo people, catalogue and a past session's certificates; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(users).values(demoUsers).onConflictDoNothing({ target: users.email });
  });
  await seedDemoCatalogue(db);
  await seedDemoCertificates(db);
}

/** A first start on an empty database gets the demo; a database with people in it is left alone. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  return true;
}
