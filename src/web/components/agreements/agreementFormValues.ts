import type { Agreement, AgreementForm, FeeTerms, HandoffMethod } from '../../../domain/agreement.js';
import type { AgreementInput } from '../../dealsApi.js';

export type FeeKind = FeeTerms['kind'];

/** One side's fee terms as typed: numbers stay strings until sent; the flat amount is in major units. */
export interface FeeFormValues {
  kind: FeeKind;
  percent: string | number;
  months: string | number;
  amount: string | number;
}

export interface AgreementFormValues {
  form: AgreementForm;
  theyReferToUs: string;
  weReferToThem: string;
  feeToThem: FeeFormValues;
  feeToUs: FeeFormValues;
  handoffMethod: HandoffMethod | null;
  handoffInstructions: string;
  exclusivity: string;
  startDate: string;
  reviewDate: string;
  signedDate: string;
  notes: string;
}

interface Money {
  toMajor(minor: number): number;
  toMinor(major: number | string): number | null;
}

function feeValues(terms: FeeTerms | undefined, money: Money): FeeFormValues {
  return {
    kind: terms?.kind ?? 'none',
    percent: terms?.kind === 'percent' ? terms.percent : '',
    months: terms?.kind === 'percent' ? terms.months : '',
    amount: terms?.kind === 'flat' ? money.toMajor(terms.amount) : '',
  };
}

export function agreementFormValues(a: Agreement | null, money: Money): AgreementFormValues {
  return {
    form: a?.form ?? 'informal',
    theyReferToUs: a?.theyReferToUs ?? '',
    weReferToThem: a?.weReferToThem ?? '',
    feeToThem: feeValues(a?.feeToThem, money),
    feeToUs: feeValues(a?.feeToUs, money),
    handoffMethod: a?.handoffMethod ?? null,
    handoffInstructions: a?.handoffInstructions ?? '',
    exclusivity: a?.exclusivity ?? 'none',
    startDate: a?.startDate ?? '',
    reviewDate: a?.reviewDate ?? '',
    signedDate: a?.signedDate ?? '',
    notes: a?.notes ?? '',
  };
}

const num = (v: string | number): number | null => (v === '' || v === null ? null : Number(v));

/** Unparsable numbers go to the server as null so it names the field. */
export function toFeeTerms(v: FeeFormValues, money: Money): FeeTerms {
  if (v.kind === 'percent') return { kind: 'percent', percent: num(v.percent), months: num(v.months) } as FeeTerms;
  if (v.kind === 'flat') return { kind: 'flat', amount: money.toMinor(v.amount) } as FeeTerms;
  return { kind: 'none' };
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());

export function toAgreementInput(v: AgreementFormValues, money: Money): AgreementInput {
  return {
    form: v.form,
    theyReferToUs: text(v.theyReferToUs),
    weReferToThem: text(v.weReferToThem),
    feeToThem: toFeeTerms(v.feeToThem, money),
    feeToUs: toFeeTerms(v.feeToUs, money),
    handoffMethod: v.handoffMethod,
    handoffInstructions: text(v.handoffInstructions),
    exclusivity: v.exclusivity.trim() || 'none',
    startDate: v.startDate || null,
    reviewDate: v.reviewDate || null,
    signedDate: v.signedDate || null,
    notes: text(v.notes),
  };
}

/** The agreement as it would read if saved now, for the live one-pager preview. */
export function previewAgreement(v: AgreementFormValues, saved: Agreement | null, money: Money): Agreement {
  const input = toAgreementInput(v, money);
  const safe = (t: FeeTerms): FeeTerms =>
    t.kind === 'percent'
      ? { kind: 'percent', percent: t.percent ?? 0, months: t.months ?? 0 }
      : t.kind === 'flat'
        ? { kind: 'flat', amount: t.amount ?? 0 }
        : t;
  return {
    id: saved?.id ?? 'draft',
    partnerId: saved?.partnerId ?? '',
    status: saved?.status ?? 'proposed',
    endDate: saved?.endDate ?? null,
    disputedTerms: saved?.disputedTerms ?? [],
    createdAt: saved?.createdAt ?? '',
    updatedAt: saved?.updatedAt ?? '',
    form: v.form,
    theyReferToUs: input.theyReferToUs ?? null,
    weReferToThem: input.weReferToThem ?? null,
    feeToThem: safe(input.feeToThem ?? { kind: 'none' }),
    feeToUs: safe(input.feeToUs ?? { kind: 'none' }),
    handoffMethod: input.handoffMethod ?? null,
    handoffInstructions: input.handoffInstructions ?? null,
    exclusivity: input.exclusivity ?? 'none',
    startDate: input.startDate ?? null,
    reviewDate: input.reviewDate ?? null,
    signedDate: input.signedDate ?? null,
    notes: input.notes ?? null,
  };
}
