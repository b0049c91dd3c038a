import { isUniqueViolation } from '@/lib/errors/database-fault';
import 'server-only';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { workshops, type TWorkshop, type TWorkshopStatus } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, fieldError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { ZWorkshopCreate, ZWorkshopPatch } from './schemas';
import { firstFreeSlug, slugify } from './slug';

export type TWorkshopDto = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  descriptionMarkdown: string;
  learningObjectives: string[];
  audience: string;
  topics: string[];
  durationMinutes: number | null;
  creditHours: number;
  creditCategory: string;
  /** Partial attendance earns a certificate only from this many hours; null: any hours recorded. */
  minimumCertificateHours: number | null;
  contentNotice: string;
  /** Shown in confirmation emails and reminders. */
  whatToBring: string;
  status: TWorkshopStatus;
  publishedAt: string | null;
  updatedAt: string;
};

export function toWorkshopDto(row: TWorkshop): TWorkshopDto {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    descriptionMarkdown: row.descriptionMarkdown,
    learningObjectives: row.learningObjectives,
    audience: row.audience,
    topics: row.topics,
    durationMinutes: row.durationMinutes,
    creditHours: Number(row.creditHours),
    creditCategory: row.creditCategory,
    minimumCertificateHours: row.minimumCertificateHours === null ? null : Number(row.minimumCertificateHours),
    contentNotice: row.contentNotice,
    whatToBring: row.whatToBring,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: workshops.id })
    .from(workshops)
    .where(exceptId ? and(eq(workshops.slug, slug), ne(workshops.id, exceptId)) : eq(workshops.slug, slug))
    .limit(1);
  return rows.length > 0;
}

const slugTakenError = (slug: string) =>
  fieldError('slug', `The URL slug "${slug}" is already used by another workshop.`, 'slug_taken', 422);

/** Postgres unique violation on the slug: two trainers chose the same slug at the same moment. */
const isSlugConflict = (error: unknown) => isUniqueViolation(error);

export async function createWorkshop(db: Db, actor: TActor, input: unknown): Promise<TWorkshopDto> {
  assertTrainer(actor);
  const data = parseInput(ZWorkshopCreate, input);
  let slug = data.slug;
  if (slug) {
    if (await slugTaken(db, slug)) throw slugTakenError(slug);
  } else {
    slug = await firstFreeSlug(slugify(data.title), (candidate) => slugTaken(db, candidate));
  }
  try {
    const [row] = await db
      .insert(workshops)
      .values({ ...data, slug, ownerId: actor.id })
      .returning();
    return toWorkshopDto(row!);
  } catch (error) {
    if (isSlugConflict(error)) throw slugTakenError(slug);
    throw error;
  }
}

export async function updateWorkshop(db: Db, actor: TActor, id: string, input: unknown): Promise<TWorkshopDto> {
  assertTrainer(actor);
  const data = parseInput(ZWorkshopPatch, input);
  await getWorkshopRow(db, id);
  if (data.slug && (await slugTaken(db, data.slug, id))) throw slugTakenError(data.slug);
  try {
    const [row] = await db
      .update(workshops)
      .set({ ...data, updatedAt: new Date() })
      .where(eq(workshops.id, id))
      .returning();
    return toWorkshopDto(row!);
  } catch (error) {
    if (data.slug && isSlugConflict(error)) throw slugTakenError(data.slug);
    throw error;
  }
}

async function getWorkshopRow(db: Db, id: string): Promise<TWorkshop> {
  if (!isUuid(id)) throw notFoundError('Workshop');
  const [row] = await db.select().from(workshops).where(eq(workshops.id, id));
  if (!row) throw notFoundError('Workshop');
  return row;
}

export type TWorkshopAction = 'publish' | 'unpublish' | 'archive';
const NEXT_STATUS: Record<TWorkshopAction, TWorkshopStatus> = { publish: 'published', unpublish: 'draft', archive: 'archived' };

/** Publishing needs what an officer must see before registering: a title and a summary. */
export async function changeWorkshopStatus(db: Db, actor: TActor, id: string, action: TWorkshopAction): Promise<TWorkshopDto> {
  assertTrainer(actor);
  const current = await getWorkshopRow(db, id);
  if (action === 'publish' && !current.summary.trim()) {
    throw new AppError('validation_failed', 'Add a summary before publishing: the catalogue shows it.', 422, {
      summary: 'Add a summary before publishing: the catalogue shows it.',
    });
  }
  const status = NEXT_STATUS[action];
  const [row] = await db
    .update(workshops)
    .set({
      status,
      updatedAt: new Date(),
      publishedAt: status === 'published' ? (current.publishedAt ?? new Date()) : current.publishedAt,
    })
    .where(eq(workshops.id, id))
    .returning();
  return toWorkshopDto(row!);
}

export async function getWorkshopForTrainer(db: Db, actor: TActor, id: string): Promise<TWorkshopDto> {
  assertTrainer(actor);
  return toWorkshopDto(await getWorkshopRow(db, id));
}

export async function listWorkshopsForTrainer(db: Db, actor: TActor): Promise<TWorkshopDto[]> {
  assertTrainer(actor);
  const rows = await db.select().from(workshops).orderBy(asc(workshops.status), desc(workshops.updatedAt));
  return rows.map(toWorkshopDto);
}

/** Only published workshops exist for the public. */
export async function getPublishedWorkshopBySlug(db: Db, slug: string): Promise<TWorkshopDto | null> {
  const [row] = await db
    .select()
    .from(workshops)
    .where(and(eq(workshops.slug, slug), eq(workshops.status, 'published')));
  return row ? toWorkshopDto(row) : null;
}

export async function listPublishedWorkshops(db: Db): Promise<TWorkshopDto[]> {
  const rows = await db.select().from(workshops).where(eq(workshops.status, 'published')).orderBy(asc(workshops.title));
  return rows.map(toWorkshopDto);
}
