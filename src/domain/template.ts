import type { Partner } from './partner.js';
import { firstName } from './partner.js';
import type { Profile } from './profile.js';

export const TEMPLATE_KINDS = ['first_touch', 'follow_up', 'bad_fit_clarification', 'other'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_CHANNELS = ['email', 'linkedin', 'any'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export interface Template {
  id: string;
  name: string;
  kind: TemplateKind;
  channel: TemplateChannel;
  subject: string | null;
  body: string;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Every merge field a template may use, with what fills it. */
export const MERGE_FIELDS = {
  'partner.name': 'the partner record name',
  'partner.first_name': "the contact person's first name",
  'partner.contact_name': "the contact person's full name",
  'partner.company': "the partner's company",
  'partner.their_clients': "the partner's clients or audience",
  'partner.type': 'what kind of partner they are, e.g. "PR agency" or "copywriter"',
  'agency.name': 'your agency name',
  'agency.positioning': 'your one-line positioning',
  'agency.ideal_client': 'your ideal client',
  'agency.services': 'the services you offer',
  'agency.services_referred_out': 'the services you refer out',
  'agency.calendar_link': 'your booking link',
  'sender.name': 'your name',
  'sender.email': 'your e-mail address',
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;

export function isMergeField(name: string): name is MergeField {
  return Object.hasOwn(MERGE_FIELDS, name);
}

export interface TemplateIssue {
  /** The merge field concerned, or the broken text. */
  token: string;
  message: string;
  offset: number;
  line: number;
  column: number;
}

export type Segment = { text: string } | { field: MergeField };

export interface ParsedTemplate {
  segments: Segment[];
  fields: MergeField[];
  issues: TemplateIssue[];
}

const FIELD_NAME = /^[a-z_]+\.[a-z_]+$/;

/** Splits text into literal runs and `{{field}}` references, collecting every syntax problem. */
export function parseTemplate(text: string): ParsedTemplate {
  const segments: Segment[] = [];
  const fields: MergeField[] = [];
  const issues: TemplateIssue[] = [];
  const issue = (token: string, message: string, offset: number) =>
    issues.push({ token, message, offset, ...lineColumn(text, offset) });
  let i = 0;
  let literal = '';
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const strayClose = text.indexOf('}}', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      issue('}}', 'closing "}}" without an opening "{{"', strayClose);
      literal += text.slice(i, strayClose + 2);
      i = strayClose + 2;
      continue;
    }
    if (open === -1) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, open);
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      issue('{{', 'opening "{{" is never closed with "}}"', open);
      literal += '{{';
      i = open + 2;
      continue;
    }
    const raw = text.slice(open + 2, close);
    const name = raw.trim();
    if (name === '') issue('{{}}', 'empty merge field', open);
    else if (!FIELD_NAME.test(name)) issue(name, 'is not a merge field name such as partner.first_name', open);
    else if (!isMergeField(name))
      issue(name, `unknown merge field; known: ${Object.keys(MERGE_FIELDS).join(', ')}`, open);
    else {
      if (literal) segments.push({ text: literal });
      literal = '';
      segments.push({ field: name });
      if (!fields.includes(name)) fields.push(name);
    }
    if (name === '' || !isMergeField(name)) literal += text.slice(open, close + 2);
    i = close + 2;
  }
  if (literal) segments.push({ text: literal });
  return { segments, fields, issues };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Field issues for saving a template: each names the part, the field and where it is. */
export function templateIssues(parts: {
  subject?: string | null;
  body?: string;
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const part of ['subject', 'body'] as const) {
    const text = parts[part];
    if (!text) continue;
    for (const i of parseTemplate(text).issues) {
      out.push({ field: part, message: `"${i.token}" at line ${i.line}, column ${i.column}: ${i.message}` });
    }
  }
  return out;
}

/**
 * The agency guide writes placeholders in square brackets. Those we recognise become merge
 * fields; any other bracketed text is left alone and reported, since it may be meant literally.
 */
const BRACKETS: [RegExp, MergeField][] = [
  [/^(name|first name|their name|partner name)$/, 'partner.first_name'],
  [/^(agency|your agency|agency name|your company)$/, 'agency.name'],
  [/^(ideal client|your ideal client)$/, 'agency.ideal_client'],
  [/^(their clients|their audience)$/, 'partner.their_clients'],
  [/^(your name|sender|sender name)$/, 'sender.name'],
  [/^(company|their company|partner company)$/, 'partner.company'],
  [/^(calendar link|booking link|your calendar link)$/, 'agency.calendar_link'],
  [/^(positioning|your positioning)$/, 'agency.positioning'],
  [/^(services|your services)$/, 'agency.services'],
];

export function convertBrackets(text: string): { text: string; converted: string[]; unknown: string[] } {
  const converted: string[] = [];
  const unknown: string[] = [];
  const out = text.replace(/\[([^\][\n]{1,40})\]/g, (whole, inner: string, offset: number) => {
    // A Markdown link `[label](url)` is not a placeholder.
    if (text[offset + whole.length] === '(') return whole;
    const key = inner.trim().toLowerCase().replace(/\s+/g, ' ');
    const hit = BRACKETS.find(([re]) => re.test(key));
    if (!hit) {
      unknown.push(whole);
      return whole;
    }
    converted.push(whole);
    return `{{${hit[1]}}}`;
  });
  return { text: out, converted, unknown };
}

const TYPE_WORDS: Record<string, string> = { pr: 'PR', web: 'web', marketing: 'marketing', branding: 'branding' };

/** The value of every merge field for one partner; null where the record has nothing. */
export function mergeValues(partner: Partner, profile: Profile): Record<MergeField, string | null> {
  const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
  let type: string = partner.type;
  if (partner.type === 'agency') {
    type =
      partner.subtype && partner.subtype !== 'other'
        ? `${TYPE_WORDS[partner.subtype] ?? partner.subtype} agency`
        : 'agency';
  } else if (partner.type === 'complementary') {
    type = partner.subtype && partner.subtype !== 'other' ? partner.subtype : 'specialist';
  }
  return {
    'partner.name': blank(partner.name),
    'partner.first_name': firstName(partner.contactName),
    'partner.contact_name': blank(partner.contactName),
    'partner.company': blank(partner.company) ?? blank(partner.name),
    'partner.their_clients': blank(partner.audience),
    'partner.type': type,
    'agency.name': blank(profile.name),
    'agency.positioning': blank(profile.positioning),
    'agency.ideal_client': blank(profile.idealClient),
    'agency.services': blank(profile.servicesOffered),
    'agency.services_referred_out': blank(profile.servicesReferredOut),
    'agency.calendar_link': blank(profile.calendarLink),
    'sender.name': blank(profile.senderName),
    'sender.email': blank(profile.senderEmail),
  };
}

export interface Rendered {
  text: string;
  /** Fields used by the text that have no value; they stay as `{{field}}` in `text`. */
  missing: MergeField[];
}

/** Fills the merge fields of an already-valid template text. */
export function render(text: string, values: Record<MergeField, string | null>): Rendered {
  const parsed = parseTemplate(text);
  const missing: MergeField[] = [];
  const out = parsed.segments
    .map((s) => {
      if ('text' in s) return s.text;
      const v = values[s.field];
      if (v === null) {
        if (!missing.includes(s.field)) missing.push(s.field);
        return `{{${s.field}}}`;
      }
      return v;
    })
    .join('');
  return { text: out, missing };
}
