import type { FieldIssue } from '../errors.js';
import {
  type Fit,
  type LostReason,
  type ReferralDirection,
  type ReferralOutcome,
  type ReferralSource,
  referralIssues,
} from '../referral.js';
import { textProblem } from '../text.js';
import type { ImportField } from './fields.js';
import {
  normaliseDirection,
  normaliseFit,
  normaliseLostReason,
  normaliseMoney,
  normaliseOutcome,
  normaliseSource,
} from './referral-values.js';
import { type DateOrder, normaliseDate, unneutralise } from './values.js';

/** What a referral CSV may hold. `partner` is a name, e-mail or id; `partnerId` only an id. */
export const REFERRAL_IMPORT_FIELDS: readonly ImportField[] = [
  { key: 'id', label: 'Id', synonyms: ['referral id', 'record id'] },
  { key: 'direction', label: 'Direction', synonyms: ['way', 'given or received', 'received or given', 'in out'] },
  { key: 'source', label: 'Source', synonyms: ['lead source', 'channel', 'origin', 'came from'] },
  {
    key: 'partner',
    label: 'Partner',
    synonyms: ['partner name', 'referred by', 'referrer', 'referred to', 'referral partner', 'partner email', 'from'],
  },
  { key: 'partnerId', label: 'Partner id', synonyms: ['partnerloop partner id'] },
  {
    key: 'leadName',
    label: 'Lead',
    synonyms: ['lead name', 'client', 'client name', 'customer', 'prospect', 'referral', 'referred', 'name', 'deal'],
  },
  { key: 'company', label: 'Company', synonyms: ['company name', 'business', 'organisation', 'organization', 'firm'] },
  {
    key: 'contact',
    label: 'Contact',
    synonyms: ['contact details', 'email', 'e-mail', 'phone', 'lead email', 'client email'],
  },
  {
    key: 'date',
    label: 'Date',
    synonyms: ['referral date', 'referred on', 'date referred', 'when', 'received on', 'introduced', 'intro date'],
  },
  { key: 'outcome', label: 'Outcome', synonyms: ['status', 'result', 'stage', 'won lost', 'deal status'] },
  { key: 'lostReason', label: 'Lost reason', synonyms: ['reason lost', 'why lost', 'loss reason', 'reason'] },
  { key: 'fit', label: 'Fit', synonyms: ['good fit', 'quality', 'lead quality'] },
  {
    key: 'monthlyValue',
    label: 'Monthly value',
    synonyms: ['value', 'mrr', 'monthly', 'monthly revenue', 'deal value', 'amount', 'retainer', 'revenue', 'fee'],
  },
  { key: 'startDate', label: 'Start date', synonyms: ['client start', 'started', 'start', 'won on', 'won date'] },
  { key: 'endDate', label: 'End date', synonyms: ['ended', 'churned', 'churn date', 'end', 'stopped'] },
  { key: 'notes', label: 'Notes', synonyms: ['note', 'comments', 'comment', 'remarks', 'description'] },
];

export interface ReferralImportInput {
  /** An id the file gives: matches an existing referral, and is kept for a new one when free. */
  id: string | null;
  /** The partner as the file names it (name, e-mail or id), to resolve against the workspace. */
  partnerRef: string | null;
  /** A partner id column, tried before `partnerRef`. */
  partnerId: string | null;
  /** The field `partnerRef` came from, to name the column when it cannot be resolved. */
  partnerField: 'partner' | 'source';
  direction: ReferralDirection;
  source: ReferralSource;
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
  endDate: string | null;
}

const LIMITS: Record<string, number> = { leadName: 200, company: 200, contact: 300, notes: 5000, partner: 300 };

/**
 * One row's mapped cells → a referral to write, by the app's own rules (`referralIssues`).
 * Decisions a spreadsheet leaves open: an empty direction is `received`; an empty outcome is
 * `pending`; a won row's start date defaults to its referral date; a lost row without a reason
 * is lost for `other`; the value and dates of a row that is not won are ignored (only a won
 * client has them in Partnerloop).
 */
export function referralRowFromCells(
  cells: ReadonlyMap<string, string>,
  order: DateOrder,
): { row: ReferralImportInput } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const text = (field: string): string | null => {
    const v = unneutralise(cells.get(field) ?? '').trim();
    if (v.length > (LIMITS[field] ?? 200))
      issues.push({ field, message: `expected at most ${LIMITS[field]} characters` });
    // The same rule as the API's: PostgreSQL cannot store U+0000, so it is a refused row, not a 500.
    const problem = textProblem(v, field === 'notes' ? 'text' : 'line');
    if (problem) issues.push({ field, message: problem });
    return v === '' ? null : v;
  };
  const pick = <T>(field: string, r: { value: T } | { error: string }): T | null => {
    if ('error' in r) {
      issues.push({ field, message: r.error });
      return null;
    }
    return r.value;
  };
  const date = (field: string) => pick(field, normaliseDate(cells.get(field) ?? '', order));

  const id = text('id');
  if (id && !/^[\w-]{1,64}$/.test(id))
    issues.push({ field: 'id', message: 'expected an id of letters, digits and dashes' });
  let partnerRef = text('partner');
  const partnerId = text('partnerId');
  let source: ReferralSource | null = null;
  let partnerField: 'partner' | 'source' = 'partner';
  const sourceCell = normaliseSource(cells.get('source') ?? '');
  if ('partner' in sourceCell) {
    if (partnerRef && partnerRef.toLowerCase() !== sourceCell.partner.toLowerCase()) {
      issues.push({
        field: 'source',
        message: `"${sourceCell.partner}" is not a source we know; use partner, inbound, cold or other`,
      });
    }
    partnerRef = sourceCell.partner;
    partnerField = 'source';
    source = 'partner';
  } else source = sourceCell.value;
  const direction = pick('direction', normaliseDirection(cells.get('direction') ?? '')) ?? 'received';
  const leadName = text('leadName');
  if (!leadName) issues.push({ field: 'leadName', message: 'must not be empty' });
  const referralDate = date('date');
  if (!referralDate && !issues.some((i) => i.field === 'date')) {
    issues.push({ field: 'date', message: 'is missing; expected the referral date, e.g. 2026-11-24' });
  }
  const outcome = pick('outcome', normaliseOutcome(cells.get('outcome') ?? '')) ?? 'pending';
  const fit = pick('fit', normaliseFit(cells.get('fit') ?? ''));
  const won = outcome === 'won';
  const monthlyValue = won ? pick('monthlyValue', normaliseMoney(cells.get('monthlyValue') ?? '')) : null;
  const startDate = won ? (date('startDate') ?? referralDate) : null;
  const endDate = won ? date('endDate') : null;
  const lostReason = outcome === 'lost' ? (normaliseLostReason(cells.get('lostReason') ?? '') ?? 'other') : null;
  const row: ReferralImportInput = {
    id,
    partnerRef,
    partnerId,
    partnerField,
    direction,
    source: source ?? (partnerRef || partnerId || direction === 'given' ? 'partner' : 'other'),
    leadName: leadName ?? '',
    company: text('company'),
    contact: text('contact'),
    date: referralDate ?? '',
    notes: text('notes'),
    outcome,
    lostReason,
    fit,
    monthlyValue,
    startDate,
    endDate,
  };
  if (won && monthlyValue === null && !issues.some((i) => i.field === 'monthlyValue')) {
    issues.push({ field: 'monthlyValue', message: 'is missing; a won referral needs its monthly value' });
  }
  if (issues.length > 0) return { issues };
  // Only the fields the rules read: a copy of the whole row for each line was needless garbage.
  const shapeIssues = referralIssues({
    direction: row.direction,
    source: row.source,
    partnerId: partnerRef || partnerId ? 'given' : null,
    date: row.date,
    outcome,
    lostReason,
    monthlyValue,
    startDate,
    endDate,
  });
  if (shapeIssues.length > 0) {
    return {
      issues: shapeIssues.map((i) => ({
        field: i.field === 'partnerId' ? 'partner' : i.field === 'reason' ? 'lostReason' : i.field,
        message:
          i.field === 'partnerId' && !(partnerRef || partnerId)
            ? 'is empty; a partner referral needs its partner (name, e-mail or id)'
            : i.field === 'partnerId'
              ? `names a partner but the source is ${row.source}; clear one of them`
              : i.message,
      })),
    };
  }
  return { row };
}
