import type { FieldIssue } from './errors.js';

export const REFERRAL_DIRECTIONS = ['received', 'given'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_SOURCES = ['partner', 'inbound', 'cold', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_OUTCOMES = ['pending', 'won', 'lost'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const LOST_REASONS = ['bad_fit', 'price', 'timing', 'no_response', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const FITS = ['good', 'bad'] as const;
export type Fit = (typeof FITS)[number];

/** A lead, received from or given to a partner (or from elsewhere). Money in minor units. */
export interface Referral {
  id: string;
  direction: ReferralDirection;
  source: ReferralSource;
  partnerId: string | null;
  leadName: string;
  company: string | null;
  contact: string | null;
  date: string;
  notes: string | null;
  outcome: ReferralOutcome;
  lostReason: LostReason | null;
  fit: Fit | null;
  monthlyValue: number | null;
  startDate: string | null;
  /** The day a won client stopped (churn). */
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
}

type Shape = Pick<
  Referral,
  'direction' | 'source' | 'partnerId' | 'date' | 'outcome' | 'lostReason' | 'monthlyValue' | 'startDate' | 'endDate'
>;

/** The cross-field rules of a referral, checked on every save. */
export function referralIssues(r: Shape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (r.direction === 'given' && r.source !== 'partner') {
    issues.push({ field: 'source', message: 'a given referral goes to a partner: expected source partner' });
  }
  if (r.source === 'partner' && !r.partnerId) {
    issues.push({ field: 'partnerId', message: 'is required when the source is partner' });
  }
  if (r.source !== 'partner' && r.partnerId) {
    issues.push({ field: 'partnerId', message: 'is only for referrals whose source is partner' });
  }
  if (r.outcome === 'won') {
    if (r.monthlyValue === null) issues.push({ field: 'monthlyValue', message: 'is required for a won referral' });
    if (!r.startDate) issues.push({ field: 'startDate', message: 'is required for a won referral' });
  }
  if (r.outcome === 'lost' && !r.lostReason) {
    issues.push({
      field: 'reason',
      message: 'is required for a lost referral: bad_fit, price, timing, no_response or other',
    });
  }
  if (r.startDate && r.startDate < r.date) {
    issues.push({ field: 'startDate', message: `must not be before the referral date (${r.date})` });
  }
  if (r.endDate) {
    if (r.outcome !== 'won') issues.push({ field: 'endDate', message: 'only a won client can be ended' });
    else if (r.startDate && r.endDate <= r.startDate) {
      issues.push({ field: 'endDate', message: `must be after the client's start date (${r.startDate})` });
    }
  }
  return issues;
}
