import type { Kysely } from 'kysely';
import { parseInput } from '../contract/common.js';
import { FeePaySchema, FeeQuerySchema, FeeTotalsQuerySchema } from '../contract/fee.js';
import { type Agreement, agreementInForce } from '../domain/agreement.js';
import { localDate } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import {
  type DerivedFeeLine,
  deriveFeeLines,
  type FeeDirection,
  type FeeLine,
  isOverdue,
  reconcileFeeLines,
} from '../domain/fees.js';
import type { Referral } from '../domain/referral.js';
import { listPartnerAgreements } from '../store/agreements.js';
import {
  deleteFeeLines,
  type FeeSums,
  getFeeLine,
  insertFeeLines,
  listFeeLines,
  referralFeeLines,
  setFeeLineStatus,
  sumFeeLines,
} from '../store/fees.js';
import { lockRow } from '../store/locks.js';
import { partnerNames } from '../store/partners.js';
import { getReferral, partnerReferrals } from '../store/referrals.js';
import type { DB } from '../store/schema.js';
import { getProfile } from '../store/workspaces.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { record } from './partners.js';

/** Today's date in the workspace time zone (pass the transaction's db when inside one). */
export async function today(deps: Deps, ctx: Ctx, db: Kysely<DB> = deps.store.db): Promise<string> {
  const profile = await getProfile(db, ctx.workspaceId);
  return localDate(deps.clock(), profile?.timeZone ?? 'UTC');
}

/** Amounts for timeline summaries: 2,000.00 (the currency is the workspace's). */
export function major(minor: number): string {
  return new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

/**
 * Re-derives one referral's fee lines from its current state and the partner's agreement in
 * force on the referral date, inside the caller's transaction. Paid lines are never touched;
 * an unpaid line that would be derived identically is kept (with its id), the rest replaced.
 */
export async function recomputeReferralFees(deps: Deps, db: Kysely<DB>, ctx: Ctx, referral: Referral): Promise<void> {
  const existing = await referralFeeLines(db, ctx.workspaceId, referral.id);
  const agreements =
    referral.partnerId && referral.outcome === 'won'
      ? await listPartnerAgreements(db, ctx.workspaceId, referral.partnerId)
      : [];
  const { agreementId, derived } = derivedFor(referral, agreements);
  const plan = reconcileFeeLines(existing, derived);
  const same = (l: FeeLine, d: (typeof derived)[number]) =>
    l.seq === d.seq && l.dueDate === d.dueDate && l.amount === d.amount && l.agreementId === agreementId;
  const unchanged = plan.remove.filter((l) => plan.add.some((d) => same(l, d)));
  const remove = plan.remove.filter((l) => !unchanged.includes(l));
  const add = plan.add.filter((d) => !unchanged.some((l) => same(l, d)));
  await deleteFeeLines(
    db,
    ctx.workspaceId,
    remove.map((l) => l.id),
  );
  await insertFeeLines(db, ctx.workspaceId, asFeeLines(deps, referral, agreementId, add), nowIso(deps));
}

/**
 * The fee lines a referral that has none yet gets, given its partner's agreements: what
 * `recomputeReferralFees` would write for it, for callers (the CSV import) that write many
 * referrals at once and load the agreements once.
 */
export function newReferralFeeLines(deps: Deps, referral: Referral, agreements: readonly Agreement[]): FeeLine[] {
  const { agreementId, derived } = derivedFor(referral, agreements);
  return asFeeLines(deps, referral, agreementId, derived);
}

function derivedFor(referral: Referral, agreements: readonly Agreement[]) {
  if (!referral.partnerId || referral.outcome !== 'won' || referral.monthlyValue === null || !referral.startDate) {
    return { agreementId: null, derived: [] as DerivedFeeLine[] };
  }
  const agreement = agreementInForce(agreements, referral.date);
  if (!agreement) return { agreementId: null, derived: [] as DerivedFeeLine[] };
  const terms = referral.direction === 'received' ? agreement.feeToThem : agreement.feeToUs;
  const derived = deriveFeeLines(terms, {
    monthlyValue: referral.monthlyValue,
    startDate: referral.startDate,
    endDate: referral.endDate,
  });
  return { agreementId: agreement.id as string | null, derived };
}

function asFeeLines(deps: Deps, referral: Referral, agreementId: string | null, lines: DerivedFeeLine[]): FeeLine[] {
  const direction: FeeDirection = referral.direction === 'received' ? 'payable' : 'receivable';
  return lines.map((d) => ({
    ...d,
    id: deps.newId(),
    referralId: referral.id,
    partnerId: referral.partnerId!,
    agreementId,
    direction,
    status: 'due',
    paidOn: null,
  }));
}

/** After a partner's agreements change, every one of its referrals is judged again. */
export async function recomputePartnerFees(deps: Deps, db: Kysely<DB>, ctx: Ctx, partnerId: string): Promise<void> {
  for (const r of await partnerReferrals(db, ctx.workspaceId, partnerId)) {
    if (r.outcome === 'won') await recomputeReferralFees(deps, db, ctx, r);
  }
}

export type FeeLineView = FeeLine & { partnerName: string; leadName: string; overdue: boolean };

export async function listFees(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
): Promise<{ items: FeeLineView[]; nextCursor: string | null }> {
  const q = parseInput(FeeQuerySchema, input);
  const asOf = q.asOf ?? (await today(deps, ctx));
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listFeeLines(
    deps.store.db,
    ctx.workspaceId,
    { ...q, asOf },
    q.limit + 1,
    after ? { dueDate: String(after.value), id: after.id } : undefined,
  );
  const items = rows.slice(0, q.limit).map((l) => ({ ...l, overdue: isOverdue(l, asOf) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.dueDate, last.id) : null };
}

interface Sums {
  due: number;
  overdue: number;
  paid: number;
}

export interface FeeTotals {
  asOf: string;
  from: string | null;
  to: string | null;
  payable: Sums;
  receivable: Sums;
  byPartner: { partnerId: string; partnerName: string; payable: Sums; receivable: Sums }[];
}

/** Due (unpaid, overdue included), overdue and paid, each way, overall and per partner. */
export async function feeTotals(deps: Deps, ctx: Ctx, input: unknown = {}): Promise<FeeTotals> {
  const q = parseInput(FeeTotalsQuerySchema, input);
  const asOf = q.asOf ?? (await today(deps, ctx));
  const rows = await sumFeeLines(deps.store.db, ctx.workspaceId, { ...q, asOf });
  const zero = (): Sums => ({ due: 0, overdue: 0, paid: 0 });
  const add = (s: Sums, r: FeeSums) => {
    s.due += r.due;
    s.overdue += r.overdue;
    s.paid += r.paid;
  };
  const totals = { payable: zero(), receivable: zero() };
  const per = new Map<string, { payable: Sums; receivable: Sums }>();
  for (const r of rows) {
    add(totals[r.direction], r);
    const p = per.get(r.partnerId) ?? { payable: zero(), receivable: zero() };
    add(p[r.direction], r);
    per.set(r.partnerId, p);
  }
  const names = await partnerNames(deps.store.db, ctx.workspaceId, [...per.keys()]);
  const byPartner = [...per.entries()]
    .map(([partnerId, s]) => ({ partnerId, partnerName: names.get(partnerId) ?? partnerId, ...s }))
    .sort((a, b) => a.partnerName.localeCompare(b.partnerName));
  return { asOf, from: q.from ?? null, to: q.to ?? null, ...totals, byPartner };
}

export async function payFeeLine(deps: Deps, ctx: Ctx, id: string, input: unknown = {}): Promise<FeeLine> {
  const { on } = parseInput(FeePaySchema, input);
  const paidOn = on ?? (await today(deps, ctx));
  return inTransaction(deps, async (db) => {
    await lockRow(db, deps.store.dialect, 'feeLines', ctx.workspaceId, id);
    const line = await mustGetLine(db, ctx, id);
    if (line.status === 'paid') {
      throw new AppError('conflict', `Fee line ${id} was already paid on ${line.paidOn}`, { id, paidOn: line.paidOn });
    }
    await setFeeLineStatus(db, ctx.workspaceId, id, 'paid', paidOn);
    const what = line.direction === 'payable' ? 'Paid them' : 'Received';
    await record(
      deps,
      db,
      ctx,
      line.partnerId,
      'fee.paid',
      `${what} ${major(line.amount)} (fee month ${line.seq}, due ${line.dueDate}) on ${paidOn}`,
      {
        feeLineId: id,
        referralId: line.referralId,
        amount: line.amount,
        paidOn,
      },
    );
    return mustGetLine(db, ctx, id);
  });
}

export async function unpayFeeLine(deps: Deps, ctx: Ctx, id: string): Promise<FeeLine> {
  return inTransaction(deps, async (db) => {
    await lockRow(db, deps.store.dialect, 'feeLines', ctx.workspaceId, id);
    const line = await mustGetLine(db, ctx, id);
    if (line.status !== 'paid') throw new AppError('conflict', `Fee line ${id} is not paid`, { id });
    await setFeeLineStatus(db, ctx.workspaceId, id, 'due', null);
    await record(
      deps,
      db,
      ctx,
      line.partnerId,
      'fee.unpaid',
      `Marked ${major(line.amount)} (fee month ${line.seq}) unpaid again`,
      {
        feeLineId: id,
        referralId: line.referralId,
      },
    );
    const updated = await mustGetLine(db, ctx, id);
    // The referral may have changed while the line was paid; bring it back in line now.
    const referral = await getReferral(db, ctx.workspaceId, line.referralId);
    if (referral) await recomputeReferralFees(deps, db, ctx, referral);
    return (await getFeeLine(db, ctx.workspaceId, id)) ?? updated;
  });
}

async function mustGetLine(db: Kysely<DB>, ctx: Ctx, id: string): Promise<FeeLine> {
  const line = await getFeeLine(db, ctx.workspaceId, id);
  if (!line) throw AppError.notFound('Fee line', id);
  return line;
}
