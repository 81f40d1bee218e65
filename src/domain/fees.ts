import type { FeeTerms } from './agreement.js';
import { addMonths } from './dates.js';

export const FEE_DIRECTIONS = ['payable', 'receivable'] as const;
export type FeeDirection = (typeof FEE_DIRECTIONS)[number];

export const FEE_LINE_STATUSES = ['due', 'paid'] as const;
export type FeeLineStatus = (typeof FEE_LINE_STATUSES)[number];

/** One owed amount, as derived from a won referral and the terms in force on its date. */
export interface DerivedFeeLine {
  /** 1-based: the month of the client's revenue it is a share of (always 1 for a flat fee). */
  seq: number;
  dueDate: string;
  amount: number;
}

export interface FeeLine extends DerivedFeeLine {
  id: string;
  referralId: string;
  partnerId: string;
  agreementId: string | null;
  direction: FeeDirection;
  status: FeeLineStatus;
  paidOn: string | null;
}

export interface WonClient {
  monthlyValue: number;
  startDate: string;
  /** The day the client stopped (churned), if it did. */
  endDate: string | null;
}

/** Half-up rounding of numerator / denominator for non-negative integers, exact (BigInt). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * The whole fee a percent deal yields over its months, in minor units:
 * round-half-up(monthlyValue × percent × months / 100), computed exactly on integers
 * (the percentage is taken in hundredths, so 12.5% is 1250/10000).
 */
export function percentTotal(monthlyValue: number, percent: number, months: number): number {
  const hundredths = BigInt(Math.round(percent * 100));
  return Number(divideHalfUp(BigInt(monthlyValue) * hundredths * BigInt(months), 10_000n));
}

/**
 * Splits `total` into `parts` integer amounts that sum to it exactly: each gets the floor of
 * the share, and the remainder is handed out one minor unit at a time to the first parts.
 */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const remainder = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

/**
 * The fee lines a won client yields under `terms`.
 * - `percent`: one line per month for the first N months. Month k (1..N) is due on the start
 *   date + k months (clamped to the month's end: Jan 31 + 1 month → Feb 28), i.e. once that
 *   month has been served. The amounts are the N-month total (see `percentTotal`) split by
 *   `splitEvenly`, so the N lines sum to the total to the cent; 10% of 2,000.00 for 3 months
 *   gives three lines of 200.00.
 * - `flat`: one line of the amount, due one month after the start.
 * - `none`: nothing.
 * A client that ended early only yields the months that began before its end date; the
 * remaining lines keep their amounts, so ending a client never reprices earlier months.
 */
export function deriveFeeLines(terms: FeeTerms, client: WonClient): DerivedFeeLine[] {
  if (terms.kind === 'none') return [];
  if (terms.kind === 'flat') {
    if (client.endDate && client.endDate <= client.startDate) return [];
    return [{ seq: 1, dueDate: addMonths(client.startDate, 1), amount: terms.amount }];
  }
  const amounts = splitEvenly(percentTotal(client.monthlyValue, terms.percent, terms.months), terms.months);
  return amounts
    .map((amount, i) => ({
      seq: i + 1,
      dueDate: addMonths(client.startDate, i + 1),
      amount,
      begins: addMonths(client.startDate, i),
    }))
    .filter((line) => !client.endDate || line.begins < client.endDate)
    .map(({ begins: _b, ...line }) => line);
}

export interface FeeReconciliation<L> {
  /** Paid lines: never touched. */
  keep: L[];
  /** Unpaid lines to delete. */
  remove: L[];
  /** Derived lines to write, for every seq that has no paid line. */
  add: DerivedFeeLine[];
}

/**
 * Recomputing a referral's fees replaces only its unpaid lines: every paid line is kept as
 * it is, and a derived line whose month is already paid is not added again.
 */
export function reconcileFeeLines<L extends { seq: number; status: FeeLineStatus }>(
  existing: readonly L[],
  derived: readonly DerivedFeeLine[],
): FeeReconciliation<L> {
  const keep = existing.filter((l) => l.status === 'paid');
  const paidSeqs = new Set(keep.map((l) => l.seq));
  return {
    keep,
    remove: existing.filter((l) => l.status !== 'paid'),
    add: derived.filter((d) => !paidSeqs.has(d.seq)),
  };
}

/** A due line is overdue once its due date is before `asOf`. */
export function isOverdue(line: Pick<FeeLine, 'status' | 'dueDate'>, asOf: string): boolean {
  return line.status === 'due' && line.dueDate < asOf;
}
