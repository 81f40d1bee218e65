import { CompiledQuery, type Kysely, PostgresAdapter, sql } from 'kysely';
import { EACH_ROW } from './db.js';
import type { DB, NewPartnerRow, PartnerRow } from './schema.js';

// SQLite takes 32,766 parameters per statement and PostgreSQL 65,535; this keeps every
// statement (multi-row inserts, IN lists) under both whatever the column count.
const MAX_PARAMS = 30_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Inserts many rows of one table (all with the keys of the first, plus `constants`, the same
 * for every row). The SQL is written here rather than built by the query builder: building a
 * thousand-row insert costs more than running it. SQLite runs one prepared single-row insert
 * per row (see `EACH_ROW`); PostgreSQL gets multi-row inserts, one round trip per statement.
 */
export async function insertMany<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly object[],
  constants: Record<string, unknown> = {},
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first).filter((k) => !(k in constants));
  const fixed = Object.values(constants).map((v) => v ?? null);
  const columns = [...keys, ...Object.keys(constants)];
  const head = `insert into "${snake(table)}" (${columns.map((k) => `"${snake(k)}"`).join(', ')}) values `;
  const values = (row: Record<string, unknown>, into: unknown[], from: number) => {
    for (let i = 0; i < keys.length; i++) into[from + i] = row[keys[i] as string] ?? null;
    for (let i = 0; i < fixed.length; i++) into[from + keys.length + i] = fixed[i];
    return into;
  };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    // Each row's list made at its full length: grown push by push, it was a tenth of an import's garbage.
    const lists = (rows as Record<string, unknown>[]).map((row) => values(row, new Array(columns.length), 0));
    await db.executeQuery(CompiledQuery.raw(`${EACH_ROW}${head}(${columns.map(() => '?').join(', ')})`, lists));
    return;
  }
  for (const part of chunks(rows as Record<string, unknown>[], columns.length)) {
    const params: unknown[] = [];
    for (const row of part) values(row, params, params.length);
    await db.executeQuery(CompiledQuery.raw(head + placeholders(part.length, columns.length), params));
  }
}

/** `($1, $2), ($3, $4)`: PostgreSQL's numbered placeholders for a multi-row insert. */
function placeholders(rows: number, columns: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 1; c <= columns; c++) marks.push(`$${r * columns + c}`);
    tuples.push(`(${marks.join(', ')})`);
  }
  return tuples.join(', ');
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export interface ImportMatches {
  rows: PartnerRow[];
  tags: Map<string, string[]>;
}

/** The workspace's partners that any of these ids, e-mail keys or LinkedIn keys point to. */
export async function findImportMatches(
  db: Kysely<DB>,
  workspaceId: string,
  keys: { ids: string[]; emailKeys: string[]; linkedinKeys: string[] },
): Promise<ImportMatches> {
  const rows: PartnerRow[] = [];
  const seen = new Set<string>();
  for (const [column, values] of [
    ['id', keys.ids],
    ['emailKey', keys.emailKeys],
    ['linkedinKey', keys.linkedinKeys],
  ] as const) {
    for (const part of chunks([...new Set(values)], 1)) {
      const found = await db
        .selectFrom('partners')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where(column, 'in', part)
        .execute();
      for (const r of found) {
        if (!seen.has(r.id)) {
          seen.add(r.id);
          rows.push(r);
        }
      }
    }
  }
  const tags = new Map<string, string[]>();
  for (const part of chunks(rows, 1)) {
    const tagRows = await db
      .selectFrom('partnerTags')
      .select(['partnerId', 'tag'])
      .where(
        'partnerId',
        'in',
        part.map((r) => r.id),
      )
      .orderBy('tag')
      .execute();
    for (const t of tagRows) tags.set(t.partnerId, [...(tags.get(t.partnerId) ?? []), t.tag]);
  }
  return { rows, tags };
}

/** Which of these ids any partner, in any workspace, already has (ids are global keys). */
export async function takenPartnerIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks([...new Set(ids)], 1)) {
    const rows = await db.selectFrom('partners').select('id').where('id', 'in', part).execute();
    for (const r of rows) taken.add(r.id);
  }
  return taken;
}

export type { NewPartnerRow };

/**
 * Gives SQLite 64 MB of page cache (the default is 2 MB) while a bulk import runs, so index
 * pages stay in memory between batches; the returned function puts the old size back.
 */
export async function widenCacheForBulkLoad(db: Kysely<DB>): Promise<() => Promise<void>> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return async () => {};
  // Read without the camel-case plugin, which would rename the pragma's cache_size column.
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db.withoutPlugins());
  const size = Number(before.rows[0]?.cache_size);
  if (!Number.isFinite(size)) throw new Error('pragma cache_size gave no size');
  await sql`pragma cache_size = -65536`.execute(db);
  return async () => {
    await sql.raw(`pragma cache_size = ${size}`).execute(db);
  };
}
