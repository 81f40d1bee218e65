import { STAGES, type Stage } from '../stage.js';
import { remembered } from './remembered.js';

/**
 * Pure normalisers for values typed into spreadsheets. Each returns the value in our terms, or
 * an `{ error }` a person can act on. An empty cell is `null`: the caller decides what that means.
 */
export type Normalised<T> = { value: T } | { error: string };

/** "E-mail address", "email_address" and "emailAddress" all become "emailaddress". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Undoes the `'` an export puts before a cell that a spreadsheet would run as a formula. */
export function unneutralise(cell: string): string {
  // A regular expression literal is a new object each time it runs; this one runs on every cell.
  return cell.charCodeAt(0) === 39 && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
const NEUTRALISED = /^'[=+\-@\t\r]/;

function wordKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[_\-/.,:!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STAGE_WORDS: Record<string, Stage> = {
  new: 'identified',
  lead: 'identified',
  prospect: 'identified',
  'to contact': 'identified',
  'not contacted': 'identified',
  researched: 'identified',
  'reached out': 'contacted',
  'message sent': 'contacted',
  'email sent': 'contacted',
  'dm sent': 'contacted',
  'first touch': 'contacted',
  'follow up': 'followed_up',
  'follow up sent': 'followed_up',
  'followed up': 'followed_up',
  'followup sent': 'followed_up',
  responded: 'replied',
  'got reply': 'replied',
  reply: 'replied',
  interested: 'replied',
  'call scheduled': 'call_booked',
  'meeting booked': 'call_booked',
  'meeting scheduled': 'call_booked',
  'call held': 'call_done',
  'had call': 'call_done',
  'meeting done': 'call_done',
  'agreement yes': 'agreement',
  yes: 'agreement',
  signed: 'agreement',
  active: 'agreement',
  partner: 'agreement',
  agreed: 'agreement',
  'agreement no': 'declined',
  no: 'declined',
  'not interested': 'declined',
  rejected: 'declined',
  lost: 'declined',
  'no reply': 'no_response',
  'no answer': 'no_response',
  ghosted: 'no_response',
  silent: 'no_response',
  'on hold': 'paused',
  churned: 'ended',
  inactive: 'ended',
  terminated: 'ended',
};

/** Stage words from the guide's spreadsheet ("call done", "agreement yes") and our own keys/labels. */
export function normaliseStage(raw: string): Normalised<Stage | null> {
  const key = wordKey(raw);
  if (key === '') return { value: null };
  const snake = key.replace(/ /g, '_');
  if ((STAGES as readonly string[]).includes(snake)) return { value: snake as Stage };
  const found = STAGE_WORDS[key];
  if (found) return { value: found };
  return { error: `"${raw.trim()}" is not a stage we know; use one of: ${STAGES.join(', ')}` };
}

const AGENCY_SUBTYPES: Record<string, string> = {
  marketing: 'marketing',
  'digital marketing': 'marketing',
  seo: 'marketing',
  pr: 'pr',
  'public relations': 'pr',
  web: 'web',
  'web design': 'web',
  'web development': 'web',
  development: 'web',
  branding: 'branding',
  brand: 'branding',
};

const COMPLEMENTARY_SUBTYPES: Record<string, string> = {
  copywriter: 'copywriter',
  copywriting: 'copywriter',
  designer: 'designer',
  design: 'designer',
  coach: 'coach',
  coaching: 'coach',
  consultant: 'consultant',
  consulting: 'consultant',
};

/**
 * "PR agency" → agency + pr; "copywriter" → complementary + copywriter; "SaaS" → brand. The
 * subtype is only a suggestion: a subtype column, when mapped, wins.
 */
export function normaliseType(
  raw: string,
): Normalised<{ type: 'agency' | 'brand' | 'complementary'; subtype: string | null } | null> {
  const key = wordKey(raw);
  if (key === '') return { value: null };
  if (key === 'agency' || key === 'brand' || key === 'complementary') return { value: { type: key, subtype: null } };
  const words = key.replace(/\b(agency|studio|firm)\b/g, '').trim();
  if (/\b(agency|studio|firm)\b/.test(key)) {
    return { value: { type: 'agency', subtype: AGENCY_SUBTYPES[words] ?? (words ? 'other' : null) } };
  }
  const complementary = COMPLEMENTARY_SUBTYPES[key] ?? COMPLEMENTARY_SUBTYPES[key.replace(/s$/, '')];
  if (complementary) return { value: { type: 'complementary', subtype: complementary } };
  if (/\b(freelancer?|freelance|service|services|complementary)\b/.test(key)) {
    return { value: { type: 'complementary', subtype: null } };
  }
  if (/\b(brand|saas|company|product|business|startup|software|app)\b/.test(key)) {
    return { value: { type: 'brand', subtype: null } };
  }
  return { error: `"${raw.trim()}" is not a partner type; use agency, brand or complementary` };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateOrder = 'dmy' | 'mdy';

/**
 * Dates as spreadsheets write them → YYYY-MM-DD: 2026-11-24, 2026/11/24, 24/11/2026,
 * 24.11.2026, 24 Nov 2026, Nov 24, 2026, and ISO instants. When day and month could swap
 * (03/04/2026) `order` decides; impossible dates (31/02/2026) are refused.
 */
export function normaliseDate(raw: string, order: DateOrder = 'dmy'): Normalised<string | null> {
  return order === 'dmy' ? datesDayFirst(raw) : datesMonthFirst(raw);
}

const datesDayFirst = remembered((raw) => readDate(raw, 'dmy'));
const datesMonthFirst = remembered((raw) => readDate(raw, 'mdy'));

function readDate(raw: string, order: DateOrder): Normalised<string | null> {
  const s = raw.trim();
  if (s === '') return { value: null };
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  match = match ? null : /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    y = expandYear(match[4] as string);
    const dayFirst = match[2] === '.' || a > 12 || (b <= 12 && order === 'dmy');
    [d, m] = dayFirst ? [a, b] : [b, a];
  }
  if (y === undefined) {
    const words = s.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
    const dmy = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)[ -](\d{4})$/.exec(words);
    const mdy = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(words);
    const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
    const index = month ? MONTHS.indexOf(month.slice(0, 3)) : -1;
    if (index >= 0) [y, m, d] = [Number(year), index + 1, Number(day)];
  }
  if (y === undefined || m === undefined || d === undefined) {
    return { error: `"${s}" is not a date we can read; write it as YYYY-MM-DD` };
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isRealDate(y, m, d)) return { error: `"${s}" is not a real calendar date` };
  return { value: iso };
}

function expandYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/** "b2b; warm, vip" → ["b2b", "warm", "vip"]. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
}
