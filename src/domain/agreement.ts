import type { FieldIssue } from './errors.js';

export const AGREEMENT_STATUSES = ['proposed', 'active', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_FORMS = ['informal', 'written'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

export const HANDOFF_METHODS = ['intro_email', 'calendar_link', 'portal_form', 'other'] as const;
export type HandoffMethod = (typeof HANDOFF_METHODS)[number];

export const FEE_KINDS = ['none', 'percent', 'flat'] as const;

/** The terms whose disagreement can be recorded, so the one-pager can settle them. */
export const AGREEMENT_TERMS = [
  'theyReferToUs',
  'weReferToThem',
  'feeToThem',
  'feeToUs',
  'handoff',
  'exclusivity',
  'dates',
] as const;
export type AgreementTerm = (typeof AGREEMENT_TERMS)[number];

/**
 * What one side pays the other for a won client: nothing (reciprocal), a percentage of the
 * client's monthly revenue for the first `months` months, or a flat amount (minor units).
 */
export type FeeTerms =
  | { kind: 'none' }
  | { kind: 'percent'; percent: number; months: number }
  | { kind: 'flat'; amount: number };

export interface Agreement {
  id: string;
  partnerId: string;
  status: AgreementStatus;
  form: AgreementForm;
  theyReferToUs: string | null;
  weReferToThem: string | null;
  /** Our fee to them, for the referrals they send us (payables). */
  feeToThem: FeeTerms;
  /** Their fee to us, for the referrals we send them (receivables). */
  feeToUs: FeeTerms;
  handoffMethod: HandoffMethod | null;
  handoffInstructions: string | null;
  exclusivity: string;
  startDate: string | null;
  reviewDate: string | null;
  signedDate: string | null;
  /** The first day it no longer applies; set when it is ended or replaced. */
  endDate: string | null;
  disputedTerms: AgreementTerm[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export const MAX_FEE_MONTHS = 36;

/** The rules a single field's schema cannot state, for one side's fee terms. */
export function feeTermsIssues(field: string, terms: FeeTerms): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (terms.kind === 'percent') {
    if (!(terms.percent > 0 && terms.percent <= 100)) {
      issues.push({ field: `${field}.percent`, message: 'expected a percentage above 0 and at most 100' });
    } else if (Math.round(terms.percent * 100) !== terms.percent * 100) {
      issues.push({ field: `${field}.percent`, message: 'expected at most two decimals, e.g. 12.5' });
    }
    if (!Number.isInteger(terms.months) || terms.months < 1 || terms.months > MAX_FEE_MONTHS) {
      issues.push({
        field: `${field}.months`,
        message: `expected a whole number of months from 1 to ${MAX_FEE_MONTHS}`,
      });
    }
  }
  if (terms.kind === 'flat' && (!Number.isInteger(terms.amount) || terms.amount < 0)) {
    issues.push({ field: `${field}.amount`, message: 'expected whole minor units of 0 or more' });
  }
  return issues;
}

type AgreementTermsFields = Pick<
  Agreement,
  'feeToThem' | 'feeToUs' | 'startDate' | 'reviewDate' | 'signedDate' | 'handoffMethod' | 'handoffInstructions'
>;

/** Every rule for a saved agreement, proposed or not. */
export function agreementIssues(a: AgreementTermsFields): FieldIssue[] {
  const issues = [...feeTermsIssues('feeToThem', a.feeToThem), ...feeTermsIssues('feeToUs', a.feeToUs)];
  if (a.startDate && a.reviewDate && a.reviewDate < a.startDate) {
    issues.push({ field: 'reviewDate', message: `must not be before startDate (${a.startDate})` });
  }
  return issues;
}

/** What must be settled before an agreement can take effect: how referrals are handed over. */
export function activationIssues(a: AgreementTermsFields): FieldIssue[] {
  const issues = agreementIssues(a);
  if (!a.handoffMethod) {
    issues.push({
      field: 'handoffMethod',
      message: 'is required before activation: intro_email, calendar_link, portal_form or other',
    });
  }
  if (a.handoffMethod === 'other' && !a.handoffInstructions) {
    issues.push({ field: 'handoffInstructions', message: 'is required when handoffMethod is other' });
  }
  return issues;
}

/**
 * The agreement whose terms apply on `date`: one that was activated, started on or before the
 * date, and had not ended by it (`endDate` is the first day it no longer applies). When
 * periods overlap, the latest start wins.
 */
export function agreementInForce<T extends Pick<Agreement, 'status' | 'startDate' | 'endDate' | 'id'>>(
  agreements: readonly T[],
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const a of agreements) {
    if (a.status === 'proposed' || !a.startDate) continue;
    if (a.startDate > date) continue;
    if (a.endDate && a.endDate <= date) continue;
    if (!best || a.startDate > best.startDate! || (a.startDate === best.startDate && a.id > best.id)) best = a;
  }
  return best;
}

export function describeFee(terms: FeeTerms, formatMoney: (minor: number) => string): string {
  switch (terms.kind) {
    case 'none':
      return 'No fee (reciprocal referrals)';
    case 'percent':
      return `${terms.percent}% of the client's monthly revenue for the first ${terms.months} month${terms.months === 1 ? '' : 's'}`;
    case 'flat':
      return `${formatMoney(terms.amount)} per won client`;
  }
}
