import type { AgreementStatus, AgreementTerm, FeeTerms, HandoffMethod } from '../../../domain/agreement.js';

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  ended: 'Ended',
};

export const STATUS_COLORS: Record<AgreementStatus, string> = { proposed: 'yellow', active: 'teal', ended: 'gray' };

export const HANDOFF_LABELS: Record<HandoffMethod, string> = {
  intro_email: 'Intro e-mail',
  calendar_link: 'Calendar link',
  portal_form: 'Portal / form',
  other: 'Other',
};

export const TERM_LABELS: Record<AgreementTerm, string> = {
  theyReferToUs: 'What they refer to us',
  weReferToThem: 'What we refer to them',
  feeToThem: 'Our fee to them',
  feeToUs: 'Their fee to us',
  handoff: 'Handoff',
  exclusivity: 'Exclusivity',
  dates: 'Dates',
};

/** A short form of the terms for tables: "10% × 3 mo", "$500 flat", "none". */
export function shortFee(terms: FeeTerms, money: (minor: number) => string): string {
  switch (terms.kind) {
    case 'none':
      return 'No fee';
    case 'percent':
      return `${terms.percent}% for ${terms.months} mo`;
    case 'flat':
      return `${money(terms.amount)} flat`;
  }
}
