import { sql } from 'kysely';
import type { Store } from './db.js';

/**
 * A token that changes whenever a write is committed to the database, by this process or any
 * other; null where the database cannot tell that cheaply.
 *
 * SQLite knows both halves exactly: `total_changes()` counts every row this connection has
 * written, and `data_version` moves when another connection (a CLI import beside the server,
 * say) commits. PostgreSQL has no per-database equivalent short of LISTEN/NOTIFY, so callers
 * there simply do not cache.
 */
export async function dataVersion(store: Store): Promise<string | null> {
  if (store.dialect !== 'sqlite') return null;
  const r = await sql<{ changes: number; version: number }>`
    select total_changes() as changes, data_version as version from pragma_data_version`.execute(store.db);
  const row = r.rows[0];
  return row ? `${row.version}:${row.changes}` : null;
}
