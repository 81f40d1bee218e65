import type { LostReason, ReferralDirection, ReferralOutcome, ReferralSource } from '../../../domain/referral.js';

export const DIRECTION_LABELS: Record<ReferralDirection, string> = { received: 'Received', given: 'Given' };
export const SOURCE_LABELS: Record<ReferralSource, string> = {
  partner: 'Partner',
  inbound: 'Inbound',
  cold: 'Cold',
  other: 'Other',
};
export const OUTCOME_LABELS: Record<ReferralOutcome, string> = { pending: 'Pending', won: 'Won', lost: 'Lost' };
export const OUTCOME_COLORS: Record<ReferralOutcome, string> = { pending: 'blue', won: 'teal', lost: 'gray' };
export const LOST_LABELS: Record<LostReason, string> = {
  bad_fit: 'Bad fit',
  price: 'Price',
  timing: 'Timing',
  no_response: 'No response',
  other: 'Other',
};
