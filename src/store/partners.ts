import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DuplicateKeys, Partner, PartnerType } from '../domain/partner.js';
import { STAGES, type Stage } from '../domain/stage.js';
import type { DB, NewPartnerRow, PartnerRow, PartnerRowUpdate } from './schema.js';

export type SortKey = 'name' | 'stage' | 'next_action' | 'updated';

export interface PartnerFilter {
  types?: string[];
  subtype?: string;
  stages?: string[];
  tag?: string;
  q?: string;
  archived: 'exclude' | 'include' | 'only';
}

export interface PartnerPageRequest {
  filter: PartnerFilter;
  sort: SortKey;
  dir: 'asc' | 'desc';
  limit: number;
  /** The sort value and id of the last row already seen. */
  after?: { value: string | number; id: string };
}

const stageRankSql = sql<number>`case stage ${sql.join(
  STAGES.map((s, i) => sql`when ${sql.lit(s)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

/** Nulls sort last in ascending order, on both databases. */
const sortExpressions: Record<SortKey, Expression<string | number>> = {
  name: sql<string>`lower(name)`,
  stage: stageRankSql,
  next_action: sql<string>`coalesce(next_action_date, '9999-12-31')`,
  updated: sql<string>`updated_at`,
};

export function sortValue(partner: Partner, sort: SortKey): string | number {
  switch (sort) {
    case 'name':
      return partner.name.toLowerCase();
    case 'stage':
      return STAGES.indexOf(partner.stage);
    case 'next_action':
      return partner.nextActionDate ?? '9999-12-31';
    case 'updated':
      return partner.updatedAt;
  }
}

export async function insertPartner(db: Kysely<DB>, row: NewPartnerRow, tags: string[]): Promise<void> {
  await db.insertInto('partners').values(row).execute();
  await replaceTags(db, row.workspaceId, row.id, tags);
}

export async function updatePartner(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: PartnerRowUpdate,
  tags?: string[],
): Promise<void> {
  await db.updateTable('partners').set(patch).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
  if (tags) await replaceTags(db, workspaceId, id, tags);
}

async function replaceTags(db: Kysely<DB>, workspaceId: string, partnerId: string, tags: string[]) {
  await db.deleteFrom('partnerTags').where('partnerId', '=', partnerId).execute();
  const unique = [...new Set(tags)];
  if (unique.length > 0) {
    await db
      .insertInto('partnerTags')
      .values(unique.map((tag) => ({ workspaceId, partnerId, tag })))
      .execute();
  }
}

export async function getPartner(db: Kysely<DB>, workspaceId: string, id: string): Promise<Partner | undefined> {
  const row = await db
    .selectFrom('partners')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [partner] = await withTags(db, [row]);
  return partner;
}

/** Partners whose e-mail, LinkedIn or website key matches, with the field that matched. */
export async function findDuplicates(
  db: Kysely<DB>,
  workspaceId: string,
  keys: DuplicateKeys,
  excludeId?: string,
): Promise<{ id: string; name: string; field: 'email' | 'linkedinUrl' | 'website' }[]> {
  const checks = [
    ['emailKey', keys.emailKey, 'email'],
    ['linkedinKey', keys.linkedinKey, 'linkedinUrl'],
    ['websiteKey', keys.websiteKey, 'website'],
  ] as const;
  const found: { id: string; name: string; field: 'email' | 'linkedinUrl' | 'website' }[] = [];
  for (const [column, value, field] of checks) {
    if (!value) continue;
    let q = db
      .selectFrom('partners')
      .select(['id', 'name'])
      .where('workspaceId', '=', workspaceId)
      .where(column, '=', value);
    if (excludeId) q = q.where('id', '!=', excludeId);
    const row = await q.limit(1).executeTakeFirst();
    if (row) found.push({ ...row, field });
  }
  return found;
}

/** Candidates for a reference a person typed: an id, an e-mail, or a name. */
export async function findPartnersByRef(db: Kysely<DB>, workspaceId: string, ref: string): Promise<Partner[]> {
  const needle = ref.trim().toLowerCase();
  const rows = await db
    .selectFrom('partners')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where((eb) => eb.or([eb('id', '=', ref.trim()), eb('emailKey', '=', needle), eb(sql`lower(name)`, '=', needle)]))
    .limit(5)
    .execute();
  return withTags(db, rows);
}

export async function listPartners(
  db: Kysely<DB>,
  workspaceId: string,
  req: PartnerPageRequest,
): Promise<{ items: Partner[]; total: number; hasMore: boolean }> {
  const filtered = () => {
    let q = db.selectFrom('partners').where('workspaceId', '=', workspaceId);
    const f = req.filter;
    if (f.archived === 'exclude') q = q.where('archivedAt', 'is', null);
    if (f.archived === 'only') q = q.where('archivedAt', 'is not', null);
    if (f.types?.length) q = q.where('type', 'in', f.types);
    if (f.subtype) q = q.where(sql`lower(subtype)`, '=', f.subtype.toLowerCase());
    if (f.stages?.length) q = q.where('stage', 'in', f.stages);
    if (f.tag) {
      const tag = f.tag.toLowerCase();
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnerTags')
            .select('partnerTags.tag')
            .whereRef('partnerTags.partnerId', '=', 'partners.id')
            .where('partnerTags.tag', '=', tag),
        ),
      );
    }
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const cols = ['name', 'company', 'contact_name', 'email', 'notes'];
      q = q.where(
        sql<SqlBool>`(${sql.join(
          cols.map((c) => sql`lower(${sql.ref(c)}) like ${like} escape '\\'`),
          sql` or `,
        )})`,
      );
    }
    return q;
  };

  const expr = sortExpressions[req.sort];
  let page = filtered().selectAll();
  if (req.after) {
    const cmp = req.dir === 'asc' ? sql.raw('>') : sql.raw('<');
    // The first comparison lets the database seek in the index; the second breaks ties by id.
    const seek = req.dir === 'asc' ? sql.raw('>=') : sql.raw('<=');
    page = page
      .where(sql<SqlBool>`${expr} ${seek} ${req.after.value}`)
      .where(sql<SqlBool>`(${expr}, id) ${cmp} (${req.after.value}, ${req.after.id})`);
  }
  const [rows, count] = await Promise.all([
    page
      .orderBy(expr, req.dir)
      .orderBy('id', req.dir)
      .limit(req.limit + 1)
      .execute(),
    filtered()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const hasMore = rows.length > req.limit;
  const items = await withTags(db, rows.slice(0, req.limit));
  return { items, total: Number(count.n), hasMore };
}

async function withTags(db: Kysely<DB>, rows: PartnerRow[]): Promise<Partner[]> {
  if (rows.length === 0) return [];
  const tagRows = await db
    .selectFrom('partnerTags')
    .select(['partnerId', 'tag'])
    .where(
      'partnerId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('tag')
    .execute();
  const tags = new Map<string, string[]>();
  for (const t of tagRows) {
    const list = tags.get(t.partnerId);
    if (list) list.push(t.tag);
    else tags.set(t.partnerId, [t.tag]);
  }
  return rows.map((r) => toPartner(r, tags.get(r.id) ?? []));
}

function toPartner(row: PartnerRow, tags: string[]): Partner {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    contactName: row.contactName,
    email: row.email,
    linkedinUrl: row.linkedinUrl,
    website: row.website,
    type: row.type as PartnerType,
    subtype: row.subtype,
    audience: row.audience,
    stage: row.stage as Stage,
    owner: row.owner,
    tags,
    notes: row.notes,
    nextAction: row.nextAction,
    nextActionDate: row.nextActionDate,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Names of these partners of the workspace, by id (an id it lacks is left out). */
export async function partnerNames(db: Kysely<DB>, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('workspaceId', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
