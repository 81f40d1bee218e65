import type { Kysely } from 'kysely';
import type { Dialect } from './db.js';
import type { DB } from './schema.js';

/**
 * Serialises concurrent commands on one record inside a transaction. PostgreSQL takes a row
 * lock; SQLite needs nothing, as its write transactions already begin IMMEDIATE and queue.
 */
export async function lockRow(
  db: Kysely<DB>,
  dialect: Dialect,
  table: 'partners' | 'referrals' | 'feeLines',
  workspaceId: string,
  id: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await db
    .selectFrom(table)
    .select('id')
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .execute();
}
