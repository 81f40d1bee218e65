// The client for agreements, referrals and fees: the deal side of the partnership.
import type { Agreement, AgreementStatus, AgreementTerm, FeeTerms } from '../domain/agreement.js';
import type { FeeDirection, FeeLineStatus } from '../domain/fees.js';
import type { Reciprocity } from '../domain/reciprocity.js';
import type {
  Fit,
  LostReason,
  Referral,
  ReferralDirection,
  ReferralOutcome,
  ReferralSource,
} from '../domain/referral.js';
import { type Page, query, request } from './api.js';

export type { Agreement, AgreementStatus, AgreementTerm, FeeTerms, Reciprocity, Referral };

export type AgreementInput = Partial<
  Pick<
    Agreement,
    | 'form'
    | 'theyReferToUs'
    | 'weReferToThem'
    | 'feeToThem'
    | 'feeToUs'
    | 'handoffMethod'
    | 'handoffInstructions'
    | 'exclusivity'
    | 'startDate'
    | 'reviewDate'
    | 'signedDate'
    | 'notes'
  >
>;

export interface FeeLine {
  id: string;
  referralId: string;
  partnerId: string;
  partnerName: string;
  leadName: string;
  agreementId: string | null;
  direction: FeeDirection;
  seq: number;
  dueDate: string;
  amount: number;
  status: FeeLineStatus;
  overdue: boolean;
  paidOn: string | null;
}

export type ReferralDetail = Referral & {
  feeLines: Omit<FeeLine, 'partnerName' | 'leadName' | 'overdue'>[];
};

export interface ReferralListParams {
  direction?: ReferralDirection;
  source?: ReferralSource;
  outcome?: ReferralOutcome;
  partnerId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface ReferralInput {
  direction: ReferralDirection;
  source?: ReferralSource;
  partnerId?: string;
  leadName: string;
  company?: string | null;
  contact?: string | null;
  date?: string;
  notes?: string | null;
}

export interface FeeListParams {
  partnerId?: string;
  direction?: FeeDirection;
  status?: 'due' | 'overdue' | 'paid';
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface FeeSums {
  due: number;
  overdue: number;
  paid: number;
}

export interface FeeTotals {
  asOf: string;
  from: string | null;
  to: string | null;
  payable: FeeSums;
  receivable: FeeSums;
  byPartner: { partnerId: string; partnerName: string; payable: FeeSums; receivable: FeeSums }[];
}

export interface PartnerFlags {
  partnerId: string;
  badFit: { flagged: boolean; badCount: number; judged: string[]; threshold: number; window: number };
  actions: { kind: string; title: string; templateKind: string | null }[];
}

export interface DisputeResult {
  agreement: Agreement;
  suggestion: string | null;
  onePager: { markdown: string; pdf: string };
}

const enc = encodeURIComponent;

export const onePagerUrl = (id: string, format: 'md' | 'pdf') => `/api/v1/agreements/${enc(id)}/one-pager.${format}`;

export const dealsApi = {
  listAgreements: (status?: AgreementStatus) =>
    request<{ items: (Agreement & { partnerName: string })[] }>('GET', `/agreements${query({ status })}`),
  partnerAgreements: (partnerId: string) =>
    request<{ items: Agreement[]; inForce: Agreement | null }>('GET', `/partners/${enc(partnerId)}/agreements`),
  getAgreement: (id: string) => request<Agreement>('GET', `/agreements/${enc(id)}`),
  createAgreement: (partnerId: string, input: AgreementInput) =>
    request<Agreement>('POST', `/partners/${enc(partnerId)}/agreements`, input),
  editAgreement: (id: string, input: AgreementInput) => request<Agreement>('PATCH', `/agreements/${enc(id)}`, input),
  activateAgreement: (id: string, on?: string) =>
    request<Agreement>('POST', `/agreements/${enc(id)}/activate`, on ? { on } : {}),
  endAgreement: (id: string, on?: string) => request<Agreement>('POST', `/agreements/${enc(id)}/end`, on ? { on } : {}),
  disputeTerm: (id: string, term: AgreementTerm, disputed: boolean) =>
    request<DisputeResult>('POST', `/agreements/${enc(id)}/dispute`, { term, disputed }),
  recordRefusal: (partnerId: string, note?: string) =>
    request<{ partnerId: string; stage: string; closedProposals: string[] }>(
      'POST',
      `/partners/${enc(partnerId)}/refusal`,
      note ? { note } : {},
    ),

  listReferrals: (params: ReferralListParams) => request<Page<Referral>>('GET', `/referrals${query({ ...params })}`),
  getReferral: (id: string) => request<ReferralDetail>('GET', `/referrals/${enc(id)}`),
  addReferral: (input: ReferralInput) => request<Referral>('POST', '/referrals', input),
  markWon: (id: string, monthlyValue: number | null, startDate: string) =>
    request<ReferralDetail>('POST', `/referrals/${enc(id)}/won`, { monthlyValue, startDate }),
  markLost: (id: string, reason: LostReason | null, note?: string) =>
    request<ReferralDetail>('POST', `/referrals/${enc(id)}/lost`, note ? { reason, note } : { reason }),
  judgeFit: (id: string, fit: Fit | null) => request<ReferralDetail>('POST', `/referrals/${enc(id)}/fit`, { fit }),
  endClient: (id: string, on: string) => request<ReferralDetail>('POST', `/referrals/${enc(id)}/end`, { on }),
  reopenReferral: (id: string) => request<ReferralDetail>('POST', `/referrals/${enc(id)}/reopen`),
  reciprocity: (partnerId: string) => request<Reciprocity>('GET', `/partners/${enc(partnerId)}/reciprocity`),
  flags: (partnerId: string) => request<PartnerFlags>('GET', `/partners/${enc(partnerId)}/flags`),

  listFees: (params: FeeListParams) => request<Page<FeeLine>>('GET', `/fees${query({ ...params })}`),
  feeTotals: (params: { partnerId?: string; from?: string; to?: string }) =>
    request<FeeTotals>('GET', `/fees/totals${query({ ...params })}`),
  payFee: (id: string, on?: string) => request<FeeLine>('POST', `/fees/${enc(id)}/pay`, on ? { on } : {}),
  unpayFee: (id: string) => request<FeeLine>('POST', `/fees/${enc(id)}/unpay`),
};

/** Every field the server named, by its full path ("feeToThem.percent"), first message wins. */
export function fieldIssues(err: unknown): Record<string, string> {
  const details = (err as { details?: { issues?: unknown } })?.details;
  const out: Record<string, string> = {};
  if (!details || !Array.isArray(details.issues)) return out;
  for (const issue of details.issues as { field: string; message: string }[]) out[issue.field] ??= issue.message;
  return out;
}
