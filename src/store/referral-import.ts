import { type Kysely, sql } from 'kysely';
import type { Referral } from '../domain/referral.js';
import type { DB, ReferralTable } from './schema.js';

const CHUNK = 500;

function chunked<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Every partner of the workspace, just enough to resolve a name, e-mail or id from a CSV. */
export async function partnerRefs(
  db: Kysely<DB>,
  workspaceId: string,
): Promise<{ id: string; name: string; emailKey: string | null }[]> {
  return db
    .selectFrom('partners')
    .select(['id', 'name', 'emailKey'])
    .where('workspaceId', '=', workspaceId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Where a batch's rows might repeat referrals: per partner (null for none), dates and lead names. */
export type ReferralMatchKeys = Map<string | null, { dates: Set<string>; leadNames: Set<string> }>;

/**
 * The workspace's referrals that may repeat rows of a batch: those with one of the given ids,
 * or with a partner, date and lead name all among those given for that partner (the caller
 * compares them exactly). The partner index holds all three, so only matches are read whole.
 */
export async function findReferralMatches(
  db: Kysely<DB>,
  workspaceId: string,
  ids: string[],
  keys: ReferralMatchKeys,
): Promise<Referral[]> {
  const found = new Map<string, Referral>();
  for (const part of chunked([...new Set(ids)])) {
    // Concatenating '' keeps SQLite's planner (which has no statistics) on the primary key
    // instead of scanning the workspace through an index that merely starts with workspace_id.
    const rows = await db
      .selectFrom('referrals')
      .selectAll()
      .where('id', 'in', part)
      .where(sql`workspace_id || ''`, '=', workspaceId)
      .execute();
    for (const r of rows) found.set(r.id, fromRow(r));
  }
  // The first and last dates logged: a fresh log, or a file of newer referrals than any logged
  // (a month's additions), needs no lookup at all. One seek each; asked as min() and max() in
  // one query, SQLite would read the whole log instead.
  const edge = (order: 'asc' | 'desc') =>
    db
      .selectFrom('referrals')
      .select('date')
      .where('workspaceId', '=', workspaceId)
      .orderBy('date', order)
      .limit(1)
      .executeTakeFirst();
  const [first, last] = [(await edge('asc'))?.date, (await edge('desc'))?.date];
  const logged = (d: string) => first !== undefined && last !== undefined && d >= first && d <= last;
  for (const [partnerId, { dates, leadNames }] of keys) {
    for (const datePart of chunked([...dates].filter(logged))) {
      for (const namePart of chunked([...leadNames])) {
        const rows = await db
          .selectFrom('referrals')
          .selectAll()
          .where('workspaceId', '=', workspaceId)
          .where('partnerId', partnerId === null ? 'is' : '=', partnerId)
          .where('date', 'in', datePart)
          .where('leadName', 'in', namePart)
          .execute();
        for (const r of rows) found.set(r.id, fromRow(r));
      }
    }
  }
  return [...found.values()];
}

/** Which of these ids any referral, in any workspace, already has (ids are global keys). */
export async function takenReferralIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunked([...new Set(ids)])) {
    const rows = await db.selectFrom('referrals').select('id').where('id', 'in', part).execute();
    for (const r of rows) taken.add(r.id);
  }
  return taken;
}

function fromRow(row: ReferralTable): Referral {
  const { workspaceId: _w, ...rest } = row;
  return { ...rest, monthlyValue: row.monthlyValue === null ? null : Number(row.monthlyValue) } as Referral;
}
