import { type Kysely, sql } from 'kysely';
import type { Activity } from '../domain/activity.js';
import type { DB } from './schema.js';

export async function insertActivity(db: Kysely<DB>, workspaceId: string, activity: Activity): Promise<void> {
  await db
    .insertInto('activities')
    .values({ ...activity, workspaceId, data: JSON.stringify(activity.data) })
    .execute();
}

/** Rewrites what an entry says (an import's running count); its time and partner stay. */
export async function updateActivity(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  entry: { kind: string; summary: string; data: Record<string, unknown> },
): Promise<void> {
  await db
    .updateTable('activities')
    .set({ kind: entry.kind, summary: entry.summary, data: JSON.stringify(entry.data) })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Newest first; `after` is the (at, id) of the last row of the previous page. */
export async function listActivities(
  db: Kysely<DB>,
  workspaceId: string,
  partnerId: string,
  limit: number,
  after?: { at: string; id: string },
): Promise<Activity[]> {
  let q = db
    .selectFrom('activities')
    .select(['id', 'partnerId', 'kind', 'summary', 'data', 'at'])
    .where('workspaceId', '=', workspaceId)
    .where('partnerId', '=', partnerId);
  if (after) q = q.where(sql<boolean>`(at, id) < (${after.at}, ${after.id})`);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** Stage history rows, read by the review. */
export async function insertStageEvent(
  db: Kysely<DB>,
  workspaceId: string,
  event: { id: string; partnerId: string; stage: string; at: string },
): Promise<void> {
  await db
    .insertInto('stageEvents')
    .values({ ...event, workspaceId })
    .execute();
}
