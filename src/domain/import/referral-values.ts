import {
  type Fit,
  LOST_REASONS,
  type LostReason,
  type ReferralDirection,
  type ReferralOutcome,
  type ReferralSource,
} from '../referral.js';
import { remembered } from './remembered.js';
import type { Normalised } from './values.js';

function wordKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[_\-/.,:!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function lookup<T extends string>(
  words: Record<string, T>,
  raw: string,
  what: string,
  choices: readonly string[],
): Normalised<T | null> {
  const key = wordKey(raw);
  if (key === '') return { value: null };
  const found = words[key] ?? (choices.includes(key.replace(/ /g, '_')) ? (key.replace(/ /g, '_') as T) : undefined);
  if (found) return { value: found };
  return { error: `"${raw.trim()}" is not ${what} we know; use one of: ${choices.join(', ')}` };
}

const OUTCOME_WORDS: Record<string, ReferralOutcome> = {
  won: 'won',
  win: 'won',
  'closed won': 'won',
  closed: 'won',
  yes: 'won',
  signed: 'won',
  client: 'won',
  customer: 'won',
  converted: 'won',
  lost: 'lost',
  'closed lost': 'lost',
  no: 'lost',
  dead: 'lost',
  declined: 'lost',
  rejected: 'lost',
  'not a fit': 'lost',
  pending: 'pending',
  open: 'pending',
  'in progress': 'pending',
  new: 'pending',
  ongoing: 'pending',
  waiting: 'pending',
  proposal: 'pending',
  'proposal sent': 'pending',
  'in talks': 'pending',
};

/** "Closed won", "yes", "client" → won; "closed lost", "no" → lost; "open", "in progress" → pending. */
function readOutcome(raw: string): Normalised<ReferralOutcome | null> {
  return lookup(OUTCOME_WORDS, raw, 'an outcome', ['pending', 'won', 'lost']);
}
export const normaliseOutcome = remembered(readOutcome);

const SOURCE_WORDS: Record<string, ReferralSource> = {
  partner: 'partner',
  referral: 'partner',
  referred: 'partner',
  inbound: 'inbound',
  website: 'inbound',
  'web site': 'inbound',
  web: 'inbound',
  'contact form': 'inbound',
  form: 'inbound',
  organic: 'inbound',
  seo: 'inbound',
  cold: 'cold',
  outbound: 'cold',
  'cold email': 'cold',
  'cold outreach': 'cold',
  prospecting: 'cold',
  other: 'other',
};

/**
 * A source word → our source, or `{ partner: name }` when the cell names someone else: owners
 * often write the referring partner's name in their "Source" column.
 */
function readSource(raw: string): { value: ReferralSource | null } | { partner: string } {
  const key = wordKey(raw);
  if (key === '') return { value: null };
  const found = SOURCE_WORDS[key];
  return found ? { value: found } : { partner: raw.trim() };
}
export const normaliseSource = remembered(readSource);

const DIRECTION_WORDS: Record<string, ReferralDirection> = {
  received: 'received',
  in: 'received',
  inbound: 'received',
  incoming: 'received',
  'from them': 'received',
  'to us': 'received',
  'referred us': 'received',
  given: 'given',
  out: 'given',
  outbound: 'given',
  outgoing: 'given',
  sent: 'given',
  'to them': 'given',
  'from us': 'given',
  'we referred': 'given',
};

/** received / in / from them, or given / out / to them. An empty cell is `null` (received by default). */
function readDirection(raw: string): Normalised<ReferralDirection | null> {
  return lookup(DIRECTION_WORDS, raw, 'a direction', ['received', 'given']);
}
export const normaliseDirection = remembered(readDirection);

const LOST_WORDS: Record<string, LostReason> = {
  'bad fit': 'bad_fit',
  'not a fit': 'bad_fit',
  'poor fit': 'bad_fit',
  'wrong fit': 'bad_fit',
  fit: 'bad_fit',
  price: 'price',
  budget: 'price',
  'too expensive': 'price',
  expensive: 'price',
  cost: 'price',
  timing: 'timing',
  'not now': 'timing',
  'bad timing': 'timing',
  later: 'timing',
  'no response': 'no_response',
  'no reply': 'no_response',
  ghosted: 'no_response',
  silent: 'no_response',
  other: 'other',
};

/** Lost-reason words; free text we cannot place becomes `other` (spreadsheets hold sentences here). */
export function normaliseLostReason(raw: string): LostReason | null {
  const key = wordKey(raw);
  if (key === '') return null;
  const snake = key.replace(/ /g, '_');
  if ((LOST_REASONS as readonly string[]).includes(snake)) return snake as LostReason;
  return LOST_WORDS[key] ?? 'other';
}

const FIT_WORDS: Record<string, Fit> = {
  good: 'good',
  'good fit': 'good',
  great: 'good',
  yes: 'good',
  bad: 'bad',
  'bad fit': 'bad',
  poor: 'bad',
  'poor fit': 'bad',
  no: 'bad',
};

function readFit(raw: string): Normalised<Fit | null> {
  return lookup(FIT_WORDS, raw, 'a fit judgement', ['good', 'bad']);
}
export const normaliseFit = remembered(readFit);

/**
 * Money as typed → minor units: "$2,000.00", "2.000,00 €", "2 000", "EUR 1500", "2000". The
 * separator before the last one or two digits is the decimal mark; a separator before a
 * group of three digits separates thousands. Negative amounts ("-50", "(50)") are refused.
 */
function readMoney(raw: string): Normalised<number | null> {
  const s = raw.trim();
  if (s === '') return { value: null };
  const bare = s
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^([A-Za-z]{3}|[$€£¥])|([A-Za-z]{3}|[$€£¥])$/g, '')
    .replace(/^([A-Za-z]{3}|[$€£¥])|([A-Za-z]{3}|[$€£¥])$/g, '');
  if (/^-|^\(.*\)$|-$/.test(bare) || /^[$€£¥]?-/.test(s)) {
    return { error: `"${s}" is negative; expected an amount of 0 or more` };
  }
  if (!/^\d[\d.,]*$/.test(bare)) return { error: `"${s}" is not an amount we can read; write it as 2000.00` };
  const last = Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(','));
  let whole = bare;
  let cents = '';
  if (last >= 0) {
    const tail = bare.slice(last + 1);
    const sep = bare[last] as string;
    const sameSeps = bare.split(sep).length - 1;
    const otherSep = sep === '.' ? ',' : '.';
    const isDecimal = tail.length !== 3 || (bare.includes(otherSep) && sameSeps === 1);
    if (isDecimal) {
      if (tail.length > 2 || sameSeps > 1) {
        return { error: `"${s}" has more than two decimals; write it as 2000.00` };
      }
      whole = bare.slice(0, last);
      cents = tail;
    }
  }
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) {
    return { error: `"${s}" is not an amount we can read; write it as 2000.00` };
  }
  const minor = Number(groups.join('')) * 100 + Number(cents.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { error: `"${s}" is too large` };
  return { value: minor };
}
export const normaliseMoney = remembered(readMoney);
