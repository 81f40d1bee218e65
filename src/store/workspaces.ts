import type { Kysely } from 'kysely';
import type { Profile, ReviewCadence } from '../domain/profile.js';
import type { DB, WorkspaceRow, WorkspaceTable } from './schema.js';

export async function firstWorkspaceId(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db.selectFrom('workspaces').select('id').orderBy('createdAt').limit(1).executeTakeFirst();
  return row?.id;
}

export async function insertWorkspace(db: Kysely<DB>, row: WorkspaceTable): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export async function getProfile(db: Kysely<DB>, workspaceId: string): Promise<Profile | undefined> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
  return row && toProfile(row);
}

export async function updateProfile(
  db: Kysely<DB>,
  workspaceId: string,
  profile: Profile,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('workspaces')
    .set({ ...profile, updatedAt })
    .where('id', '=', workspaceId)
    .execute();
}

function toProfile(row: WorkspaceRow): Profile {
  const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = row;
  return { ...profile, reviewCadence: profile.reviewCadence as ReviewCadence };
}
