import { sql } from 'kysely';
import type { Store } from './db.js';

/**
 * A token that changes whenever a write is committed to the database, by this process or any
 * other, so an answer read at one token is still exact while the token stays the same.
 *
 * SQLite: `total_changes()` counts every row this connection has written, and `data_version`
 * moves when another connection (a CLI import beside the server, say) commits.
 * PostgreSQL: the current MVCC snapshot. Two equal snapshots see exactly the same committed
 * transactions, so the same data; any commit anywhere in the cluster changes it (a miss, never
 * a stale answer).
 */
export async function dataVersion(store: Store): Promise<string> {
  if (store.dialect === 'postgres') {
    const r = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(store.db);
    return r.rows[0]!.snapshot;
  }
  const r = await sql<{ changes: number; version: number }>`
    select total_changes() as changes, data_version as version from pragma_data_version`.execute(store.db);
  const row = r.rows[0]!;
  return `${row.version}:${row.changes}`;
}
