import type { Kysely } from 'kysely';
import type { DB, NewPartnerRow, PartnerRow } from './schema.js';

// Both databases take tens of thousands of parameters per statement; this keeps every insert
// well under SQLite's 32,766 whatever the column count.
const MAX_PARAMS = 30_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Inserts many rows of one table in as few statements as the parameter limit allows. */
export async function insertMany<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  for (const part of chunks(rows, Object.keys(first).length)) {
    await db
      .insertInto(table)
      .values(part as never)
      .execute();
  }
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
