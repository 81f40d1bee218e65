import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Referral } from '../domain/referral.js';
import type { DB, ReferralTable } from './schema.js';

export interface ReferralFilter {
  direction?: string;
  source?: string;
  outcome?: string;
  partnerId?: string;
  from?: string;
  to?: string;
}

export async function insertReferral(db: Kysely<DB>, workspaceId: string, r: Referral): Promise<void> {
  await db
    .insertInto('referrals')
    .values({ ...r, workspaceId })
    .execute();
}

export async function saveReferral(db: Kysely<DB>, workspaceId: string, r: Referral): Promise<void> {
  const { id, ...row } = r;
  await db.updateTable('referrals').set(row).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function getReferral(db: Kysely<DB>, workspaceId: string, id: string): Promise<Referral | undefined> {
  const row = await db
    .selectFrom('referrals')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Newest first by (date, id); `after` is the last row of the previous page. */
export async function listReferrals(
  db: Kysely<DB>,
  workspaceId: string,
  filter: ReferralFilter,
  limit: number,
  after?: { date: string; id: string },
): Promise<Referral[]> {
  let q = db.selectFrom('referrals').selectAll().where('workspaceId', '=', workspaceId);
  if (filter.direction) q = q.where('direction', '=', filter.direction);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.partnerId) q = q.where('partnerId', '=', filter.partnerId);
  if (filter.from) q = q.where('date', '>=', filter.from);
  if (filter.to) q = q.where('date', '<=', filter.to);
  if (after) q = q.where(sql<SqlBool>`(date, id) < (${after.date}, ${after.id})`);
  const rows = await q.orderBy('date', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(fromRow);
}

/** Every referral with one partner, both ways (a partner has tens, not millions). */
export async function partnerReferrals(db: Kysely<DB>, workspaceId: string, partnerId: string): Promise<Referral[]> {
  return listReferrals(db, workspaceId, { partnerId }, 100_000);
}

/** Received referrals with a fit judgement, for the bad-fit rule across all partners. */
/** The latest `window` judged received referrals of each partner, newest first (an index range each). */
export async function latestJudged(db: Kysely<DB>, workspaceId: string, partnerIds: string[], window: number) {
  const out = new Map<string, { id: string; direction: 'received'; date: string; fit: 'good' | 'bad' }[]>();
  for (const partnerId of partnerIds) {
    const rows = await db
      .selectFrom('referrals')
      .select(['id', 'date', 'fit'])
      .where('workspaceId', '=', workspaceId)
      .where('partnerId', '=', partnerId)
      .where('direction', '=', 'received')
      .where('fit', 'is not', null)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(window)
      .execute();
    out.set(
      partnerId,
      rows.map((r) => ({ id: r.id, direction: 'received' as const, date: r.date, fit: r.fit as 'good' | 'bad' })),
    );
  }
  return out;
}

function fromRow(row: ReferralTable): Referral {
  const { workspaceId: _w, ...rest } = row;
  return {
    ...rest,
    monthlyValue: row.monthlyValue === null ? null : Number(row.monthlyValue),
  } as Referral;
}

export async function setBadFit(db: Kysely<DB>, workspaceId: string, partnerId: string, flagged: boolean) {
  await db
    .updateTable('partners')
    .set({ badFit: flagged ? 1 : 0 })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', partnerId)
    .execute();
}

/** Partners the bad-fit rule flags, read from the flag kept on the partner row (by name, the first `limit`). */
export async function badFitPartners(db: Kysely<DB>, workspaceId: string, limit?: number) {
  let q = db
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('workspaceId', '=', workspaceId)
    .where('badFit', '=', 1)
    .where('archivedAt', 'is', null)
    .orderBy('name');
  if (limit !== undefined) q = q.limit(limit);
  return q.execute();
}

export async function countBadFitPartners(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('partners')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .where('badFit', '=', 1)
    .where('archivedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
