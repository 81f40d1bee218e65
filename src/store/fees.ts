import { type Kysely, type SqlBool, sql } from 'kysely';
import type { FeeDirection, FeeLine, FeeLineStatus } from '../domain/fees.js';
import type { DB, FeeLineTable } from './schema.js';

export interface FeeFilter {
  partnerId?: string;
  direction?: FeeDirection;
  /** `overdue` = due with a due date before `asOf`. */
  status?: 'due' | 'overdue' | 'paid';
  asOf: string;
  from?: string;
  to?: string;
}

export async function referralFeeLines(db: Kysely<DB>, workspaceId: string, referralId: string): Promise<FeeLine[]> {
  const rows = await db
    .selectFrom('feeLines')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('referralId', '=', referralId)
    .orderBy('seq')
    .execute();
  return rows.map(fromRow);
}

export async function insertFeeLines(
  db: Kysely<DB>,
  workspaceId: string,
  lines: FeeLine[],
  createdAt: string,
): Promise<void> {
  if (lines.length === 0) return;
  await db
    .insertInto('feeLines')
    .values(lines.map((l) => ({ ...l, workspaceId, createdAt })))
    .execute();
}

export async function deleteFeeLines(db: Kysely<DB>, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('feeLines').where('workspaceId', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function getFeeLine(db: Kysely<DB>, workspaceId: string, id: string): Promise<FeeLine | undefined> {
  const row = await db
    .selectFrom('feeLines')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function setFeeLineStatus(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  status: FeeLineStatus,
  paidOn: string | null,
): Promise<void> {
  await db
    .updateTable('feeLines')
    .set({ status, paidOn })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

function filtered(db: Kysely<DB>, workspaceId: string, f: FeeFilter) {
  let q = db.selectFrom('feeLines').where('feeLines.workspaceId', '=', workspaceId);
  if (f.partnerId) q = q.where('feeLines.partnerId', '=', f.partnerId);
  if (f.direction) q = q.where('feeLines.direction', '=', f.direction);
  if (f.status === 'paid') q = q.where('feeLines.status', '=', 'paid');
  if (f.status === 'due') q = q.where('feeLines.status', '=', 'due');
  if (f.status === 'overdue') q = q.where('feeLines.status', '=', 'due').where('feeLines.dueDate', '<', f.asOf);
  if (f.from) q = q.where('feeLines.dueDate', '>=', f.from);
  if (f.to) q = q.where('feeLines.dueDate', '<=', f.to);
  return q;
}

/** Oldest due date first; `after` is the last row of the previous page. */
export async function listFeeLines(
  db: Kysely<DB>,
  workspaceId: string,
  f: FeeFilter,
  limit: number,
  after?: { dueDate: string; id: string },
): Promise<(FeeLine & { partnerName: string; leadName: string })[]> {
  let q = filtered(db, workspaceId, f)
    .innerJoin('partners', 'partners.id', 'feeLines.partnerId')
    .innerJoin('referrals', 'referrals.id', 'feeLines.referralId')
    .selectAll('feeLines')
    .select(['partners.name as partnerName', 'referrals.leadName as leadName']);
  if (after) q = q.where(sql<SqlBool>`(fee_lines.due_date, fee_lines.id) > (${after.dueDate}, ${after.id})`);
  const rows = await q.orderBy('feeLines.dueDate').orderBy('feeLines.id').limit(limit).execute();
  return rows.map((r) => ({ ...fromRow(r), partnerName: r.partnerName, leadName: r.leadName }));
}

export interface FeeSums {
  partnerId: string;
  direction: FeeDirection;
  due: number;
  overdue: number;
  paid: number;
}

/** Sums per partner and direction, computed in the database. */
export async function sumFeeLines(db: Kysely<DB>, workspaceId: string, f: FeeFilter): Promise<FeeSums[]> {
  const rows = await filtered(db, workspaceId, { ...f, status: undefined })
    .select([
      'feeLines.partnerId',
      'feeLines.direction',
      sql<string>`sum(case when status = 'due' then amount else 0 end)`.as('due'),
      sql<string>`sum(case when status = 'due' and due_date < ${f.asOf} then amount else 0 end)`.as('overdue'),
      sql<string>`sum(case when status = 'paid' then amount else 0 end)`.as('paid'),
    ])
    .groupBy(['feeLines.partnerId', 'feeLines.direction'])
    .execute();
  return rows.map((r) => ({
    partnerId: r.partnerId,
    direction: r.direction as FeeDirection,
    due: Number(r.due),
    overdue: Number(r.overdue),
    paid: Number(r.paid),
  }));
}

function fromRow(row: FeeLineTable): FeeLine {
  return {
    id: row.id,
    referralId: row.referralId,
    partnerId: row.partnerId,
    agreementId: row.agreementId,
    direction: row.direction as FeeDirection,
    seq: Number(row.seq),
    dueDate: row.dueDate,
    amount: Number(row.amount),
    status: row.status as FeeLineStatus,
    paidOn: row.paidOn,
  };
}
