import type { Referral } from './referral.js';

export interface SideFigures {
  count: number;
  won: number;
  /** Sum of the won clients' monthly values, minor units. */
  wonMonthlyValue: number;
}

export interface Reciprocity {
  received: SideFigures;
  given: SideFigures;
  /**
   * received.count − given.count: above zero the partner has sent us more than we sent them
   * (we owe them referrals); below zero the reverse.
   */
  balance: number;
  /** received.wonMonthlyValue − given.wonMonthlyValue, same sign convention. */
  valueBalance: number;
}

/** Referrals both ways with one partner, counted and valued. */
export function reciprocity(
  referrals: readonly Pick<Referral, 'direction' | 'outcome' | 'monthlyValue'>[],
): Reciprocity {
  const side = (): SideFigures => ({ count: 0, won: 0, wonMonthlyValue: 0 });
  const figures = { received: side(), given: side() };
  for (const r of referrals) {
    const s = figures[r.direction];
    s.count += 1;
    if (r.outcome === 'won') {
      s.won += 1;
      s.wonMonthlyValue += r.monthlyValue ?? 0;
    }
  }
  return {
    ...figures,
    balance: figures.received.count - figures.given.count,
    valueBalance: figures.received.wonMonthlyValue - figures.given.wonMonthlyValue,
  };
}
