import type { Referral } from './referral.js';

/** The brief's default: a partner is flagged when 2 of its last 3 judged referrals were a bad fit. */
export const BAD_FIT_THRESHOLD = 2;
export const BAD_FIT_WINDOW = 3;

export interface BadFitRule {
  threshold: number;
  window: number;
}

export interface BadFitFlag {
  flagged: boolean;
  /** Bad fits among the referrals looked at. */
  badCount: number;
  /** The judged referrals looked at, newest first (at most `window`). */
  judged: string[];
  threshold: number;
  window: number;
}

/**
 * The bad-fit escalation: among the partner's most recent `window` received referrals that
 * have a fit judgement (newest by date, then id), at least `threshold` were judged bad.
 * Unjudged referrals are ignored, so a partner is never flagged on guesswork.
 */
export function badFitFlag(
  referrals: readonly Pick<Referral, 'id' | 'direction' | 'date' | 'fit'>[],
  rule: BadFitRule = { threshold: BAD_FIT_THRESHOLD, window: BAD_FIT_WINDOW },
): BadFitFlag {
  const judged = referrals
    .filter((r) => r.direction === 'received' && r.fit !== null)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1))
    .slice(0, rule.window);
  const badCount = judged.filter((r) => r.fit === 'bad').length;
  return {
    flagged: badCount >= rule.threshold,
    badCount,
    judged: judged.map((r) => r.id),
    threshold: rule.threshold,
    window: rule.window,
  };
}
