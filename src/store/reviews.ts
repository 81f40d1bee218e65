import type { Kysely } from 'kysely';
import type { DB, ReviewTable } from './schema.js';

export async function insertReview(db: Kysely<DB>, workspaceId: string, row: Omit<ReviewTable, 'workspaceId'>) {
  await db
    .insertInto('reviews')
    .values({ ...row, workspaceId })
    .execute();
}

/** Saved reviews, newest first, without their figure snapshots. */
export async function listReviewRows(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('reviews')
    .select(['id', 'periodKind', 'periodLabel', 'periodFrom', 'periodTo', 'notes', 'decisions', 'reviewedAt'])
    .where('workspaceId', '=', workspaceId)
    .orderBy('reviewedAt', 'desc')
    .limit(200)
    .execute();
}

export async function getReview(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('reviews')
    .select([
      'id',
      'periodKind',
      'periodLabel',
      'periodFrom',
      'periodTo',
      'notes',
      'decisions',
      'reviewedAt',
      'figures',
    ])
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** When the latest review was saved, or null before the first. */
export async function lastReviewAt(db: Kysely<DB>, workspaceId: string): Promise<string | null> {
  const row = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.max('reviewedAt').as('at'))
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
  return row?.at ?? null;
}
