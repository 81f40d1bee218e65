import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/**
 * Every table that holds a workspace's data, parents before children: backups write them in
 * this order and restores insert them in it (and delete in reverse). A new capability adds its
 * tables here and nothing else changes. `order` is a unique key, for paging through rows.
 */
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'workspaces', scope: 'id', order: ['id'] },
  { name: 'partners', scope: 'workspace_id', order: ['id'] },
  { name: 'partner_tags', scope: 'workspace_id', order: ['partner_id', 'tag'] },
  { name: 'activities', scope: 'workspace_id', order: ['id'] },
  { name: 'stage_events', scope: 'workspace_id', order: ['id'] },
  { name: 'templates', scope: 'workspace_id', order: ['id'] },
  { name: 'messages', scope: 'workspace_id', order: ['id'] },
  { name: 'replies', scope: 'workspace_id', order: ['id'] },
  { name: 'calls', scope: 'workspace_id', order: ['id'] },
  { name: 'agreements', scope: 'workspace_id', order: ['id'] },
  { name: 'referrals', scope: 'workspace_id', order: ['id'] },
  { name: 'fee_lines', scope: 'workspace_id', order: ['id'] },
  { name: 'reviews', scope: 'workspace_id', order: ['id'] },
];

export interface BackupTable {
  /** The SQL table name. */
  name: string;
  /** The column naming the workspace a row belongs to. */
  scope: 'id' | 'workspace_id';
  order: readonly string[];
}

// Rows travel with their SQL column names, so a backup does not depend on how TypeScript
// spells them; the query builder is used untyped here, with the case plugin left out.
type Row = Record<string, unknown>;
const raw = (db: Kysely<DB>) => db.withoutPlugins() as unknown as Kysely<Record<string, Row>>;

/** One page of a table's rows for a workspace, after the `after` key when given. */
export async function readPage(
  db: Kysely<DB>,
  table: BackupTable,
  workspaceId: string,
  limit: number,
  after?: unknown[],
): Promise<Row[]> {
  let q = raw(db).selectFrom(table.name).selectAll().where(table.scope, '=', workspaceId);
  if (after) {
    const cols = sql.join(table.order.map((c) => sql.ref(c)));
    q = q.where(sql<boolean>`(${cols}) > (${sql.join(after)})`);
  }
  for (const c of table.order) q = q.orderBy(c);
  return q.limit(limit).execute();
}

export async function hasRows(db: Kysely<DB>, table: BackupTable, workspaceId: string): Promise<boolean> {
  const row = await raw(db)
    .selectFrom(table.name)
    .select(sql`1`.as('x'))
    .where(table.scope, '=', workspaceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteRows(db: Kysely<DB>, table: BackupTable, workspaceId: string): Promise<void> {
  await raw(db).deleteFrom(table.name).where(table.scope, '=', workspaceId).execute();
}

export async function insertRows(db: Kysely<DB>, table: BackupTable, rows: Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(30_000 / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    await raw(db)
      .insertInto(table.name)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

export async function updateWorkspaceRow(db: Kysely<DB>, workspaceId: string, row: Row): Promise<void> {
  const { id: _id, ...rest } = row;
  await raw(db).updateTable('workspaces').set(rest).where('id', '=', workspaceId).execute();
}

/** The columns each table has now, to refuse a backup row with a column we do not know. */
export async function tableColumns(db: Kysely<DB>, dialect: 'sqlite' | 'postgres'): Promise<Map<string, Set<string>>> {
  // PostgreSQL lists every schema's tables; only the one this connection works in counts.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const tables = await db.introspection.getTables({ withInternalKyselyTables: false });
  return new Map(
    tables
      .filter((t) => schema === undefined || t.schema === schema)
      .map((t) => [t.name, new Set(t.columns.map((c) => c.name))]),
  );
}

/**
 * Runs `fn` inside one read-only snapshot: on PostgreSQL a repeatable-read transaction, on
 * SQLite a deferred one (WAL keeps its snapshot from the first read), so a backup taken while
 * the server writes is consistent.
 */
export async function inReadSnapshot<T>(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
  fn: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql
      .raw(dialect === 'postgres' ? 'start transaction isolation level repeatable read read only' : 'begin deferred')
      .execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('commit').execute(conn);
      return result;
    } catch (err) {
      await sql.raw('rollback').execute(conn);
      throw err;
    }
  });
}

/** A consistent copy of the whole SQLite database file, safe while the server runs. */
export async function vacuumInto(db: Kysely<DB>, file: string): Promise<void> {
  await sql`vacuum into ${file}`.execute(db);
}
